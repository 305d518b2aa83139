// Path matching as Prism's router does it: split on '/', then percent-decode each segment (an encoded '/' stays inside its segment).
/** The decoded segments of a request or spec path; a bad escape (%zz) stays as sent. */
export function pathSegments(path: string): string[] {
  return path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment; // not a valid escape: compared as sent, so it matches nothing
    }
  });
}

/** True when two lists of decoded segments name the same path. */
export function sameSegments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** True when a request path names this literal spec path (our spec has no templated paths). */
export function samePath(requestPath: string, specPath: string): boolean {
  return sameSegments(pathSegments(requestPath), pathSegments(specPath));
}
