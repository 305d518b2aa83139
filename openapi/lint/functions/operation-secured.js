// wupex-operation-secured: every operation requires the API key, from global or operation-level security.
// @ts-check

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * A security requirement list secures a call only if it is non-empty and has no `{}` entry
 * (an empty object means "anonymous allowed").
 * @param {unknown} security
 */
function secures(security) {
  return Array.isArray(security) && security.length > 0 &&
    security.every((req) => req && typeof req === 'object' && Object.keys(req).length > 0);
}

/**
 * Spectral function. Given the resolved root document, reports each operation whose effective
 * security (its own `security`, else the root's) does not require a scheme.
 * @param {unknown} root
 * @returns {{ message: string, path: (string | number)[] }[]}
 */
export default function operationSecured(root) {
  const doc = /** @type {{ security?: unknown, paths?: Record<string, Record<string, any>> }} */ (root ?? {});
  const results = [];
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op || typeof op !== 'object') continue;
      const own = Object.prototype.hasOwnProperty.call(op, 'security');
      if (secures(own ? op.security : doc.security)) continue;
      results.push({
        message: `${method.toUpperCase()} ${route} is not secured: require the apiKey scheme (no empty or "{}" security).`,
        path: own ? ['paths', route, method, 'security'] : ['paths', route, method],
      });
    }
  }
  return results;
}
