// Docs that cannot go stale: every ```sh block of README.md and docs/ not marked `illustrative` runs (bash -e, from the repo
// root) against a twin on a free port (http://127.0.0.1:4010 in the text becomes its URL, WUPEX_BASE_URL points at it).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { allSnippets, ROOT, snippetsOf } from '../../support/doc-snippets.ts';

const runnable = allSnippets().filter((s) => s.lang === 'sh' && !s.illustrative);

/**
 * `npm run NAME [-s] [-- ARGS]` as npm runs it (package.json's command for NAME, ARGS appended), minus npm's own start-up
 * (about 0.3 s of CPU per call, paid by every snippet); any other npm call goes to npm itself.
 */
function npmShim(): string {
  const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const cases = Object.entries(scripts).map(([name, command]) => `    ${JSON.stringify(name)}) eval ${JSON.stringify(command)} '"$@"' ;;`);
  return [
    'npm() {',
    '  if [ "${1:-}" != run ]; then command npm "$@"; return; fi',
    '  shift; [ "${1:-}" = -s ] && shift',
    '  local name="$1"; shift; [ "${1:-}" = -- ] && shift',
    '  case "$name" in',
    ...cases,
    '    *) command npm run "$name" -- "$@" ;;',
    '  esac',
    '}',
    '',
  ].join('\n');
}

const bash = (script: string, env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, env, timeout: 30_000 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });

const shim = npmShim();

describe('shell snippets in the docs', () => {
  let twin: MockServer;
  let url = '';
  beforeAll(async () => {
    twin = await createMockServer();
    url = (await twin.listen(0, '127.0.0.1')).url;
  });
  afterAll(() => twin.close());

  test('there are runnable snippets, and every sh fence is either runnable or marked illustrative', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(7);
    expect(snippetsOf('x.md', '```sh illustrative\nnpm run mock\n```\n```sh\ncurl x\n```\n').map((s) => s.illustrative)).toEqual([true, false]);
  });

  test.each(runnable.map((s) => [`${s.file}:${s.line}`, s] as const))('%s runs and exits 0', async (_where, snippet) => {
    twin.reset();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', WUPEX_BASE_URL: url };
    const run = await bash(`${shim}${snippet.code.replaceAll('http://127.0.0.1:4010', url)}`, env);
    expect({ code: run.code, stderr: run.code ? run.stderr : '' }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.length).toBeGreaterThan(0);
    // curl exits 0 on any HTTP status: an answer the twin refused (a typo'd admin body, a wrong path) must fail the snippet too.
    expect(run.stdout).not.toMatch(/\[wupex-mock\]|"code":"(INVALID_PAYLOAD|NOT_FOUND|UNAUTHORIZED|METHOD_NOT_ALLOWED)"/);
  });
});
