// One outbound path: outside src/http, no kit source calls the global fetch (or node:http/https requests) itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Kit code that talks to servers; tests/unit and tests/support (test servers, doubles) are not the kit. */
const SOURCES = ['scripts', 'src', 'mocks'];
const ALLOWED = 'src/http/';

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the one outbound path', () => {
  test('no kit file outside src/http calls global fetch, opens an http(s) request or relies on AbortSignal.timeout', () => {
    const offenders = SOURCES.flatMap(files)
      .filter((file) => !relative(ROOT, join(ROOT, file)).startsWith(ALLOWED))
      .filter((file) => {
        // Comments stripped; `fetch(request: Request)` declarations (the twin's in-process fetch) are not calls.
        const code = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*(\/\/|\/?\*).*$/gm, '');
        // Servers (the twin's node:http createServer) are fine; an outbound request or get is not.
        const outboundImport = /import\s*\{[^}]*\b(?:request|get)\b[^}]*\}\s*from\s*'node:https?'|\bhttps?\.(?:request|get)\(/;
        // AbortSignal.timeout() is held weakly: its timer can vanish after a garbage collection (issue 8).
        return /(?<![.\w])fetch\((?!\w+\s*:)|globalThis\.fetch|\bundici\b|AbortSignal\.timeout\(/.test(code) || outboundImport.test(code);
      });
    expect(offenders).toEqual([]);
  });
});
