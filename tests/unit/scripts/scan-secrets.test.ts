// npm run scan:secrets: exit codes, messages, and the key never printed. Scanning this repository runs the script as a
// subprocess (the entry's wiring); the other cases call scanMain in-process with the same argv and environment.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { scanMain } from '../../../src/secrets/main.ts';
import { scriptEntry } from '../../support/run-script.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
// Built at run time so the realistic key never sits in a tracked file.
const KEY = ['Hq3', 'Tz8', 'Lw5', 'Nc1', 'Vb7', 'Pk4', 'Yd2', 'Gm9'].join('');
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'WUPEX_API_KEY'));

function scan(...args: string[]) {
  const run = spawnSync(process.execPath, [...scriptEntry('scan-secrets'), ...args], { cwd: ROOT, encoding: 'utf8', env: ENV });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** scanMain in-process, stdout and stderr in one string as in `scan`. */
function scanInProcess(...args: string[]) {
  let out = '';
  const write = (t: string) => void (out += t);
  const code = scanMain(args, { env: ENV, cwd: ROOT, out: write, err: write });
  return { code, out };
}

/** A throw-away git repository holding `files` (path → content); `track` lists paths to `git add`. */
function tempRepo(files: Record<string, string | Buffer>, track: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'wupex-scan-'));
  spawnSync('git', ['init', '-q'], { cwd: dir });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (track.length) spawnSync('git', ['add', ...track], { cwd: dir });
  return dir;
}

describe('scan-secrets', () => {
  test('passes on this repository', () => {
    const { code, out } = scan();
    expect(out).toMatch(/^\[wupex-kit\] scan-secrets: no secrets in \d+ files\.$/m);
    expect(code).toBe(0);
  });

  test('fails on a new, untracked file holding a realistic key, naming file:line and rule, never the key', () => {
    const dir = tempRepo({ 'README.md': '# demo\n', 'config/sandbox.env': `# sandbox\nWUPEX_API_KEY=${KEY}\n` });
    const { code, out } = scanInProcess('--cwd', dir);
    expect(code).toBe(1);
    expect(out).toContain('[wupex-kit] SECRET_FOUND: config/sandbox.env:2: api-key-variable');
    expect(out).toContain('[wupex-kit] scan-secrets: 1 suspected secret(s) in 2 files.');
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(KEY.slice(0, 12));
  });

  test('fails on a tracked file with a key in an x-api-key header', () => {
    const dir = tempRepo({ 'docs/curl.sh': `curl -H "x-api-key: ${KEY}" https://sandbox-service.wupex.com\n` }, ['docs/curl.sh']);
    const { code, out } = scanInProcess('--cwd', dir);
    expect(code).toBe(1);
    expect(out).toContain('docs/curl.sh:1: api-key-header');
    expect(out).not.toContain(KEY);
  });

  test('accepts the demo keys, placeholders, ignored files, node_modules, lock files and binaries', () => {
    const dir = tempRepo({
      '.gitignore': '.env\n',
      '.env': `WUPEX_API_KEY=${KEY}\n`,
      'demo.md': DEMO_ACCOUNTS.map((a) => `x-api-key: ${a.key}`).join('\n'),
      'placeholders.md': 'x-api-key: YOUR_API_KEY\nWUPEX_API_KEY=$WUPEX_API_KEY\nx-api-key: <your key>\nWUPEX_API_KEY=\n',
      'node_modules/pkg/index.js': `const apiKey = "${KEY}";\n`,
      'package-lock.json': `{ "apiKey": "${KEY}" }\n`,
      'image.bin': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`x-api-key: ${KEY}`)]),
    });
    const { code, out } = scanInProcess('--cwd', dir);
    expect(out).toContain('[wupex-kit] scan-secrets: no secrets in 3 files.');
    expect(code).toBe(0);
  });

  test('exits 2 on an unknown flag, listing the valid ones', () => {
    const { code, out } = scanInProcess('--key', KEY);
    expect(code).toBe(2);
    expect(out).toContain('[wupex-kit] USAGE:');
    expect(out).toContain('Valid flags: --cwd <value>, --help.');
    expect(out).not.toContain(KEY);
  });

  test('exits 2 on a positional argument without echoing it (it could be a pasted key)', () => {
    const { code, out } = scanInProcess(KEY);
    expect(code).toBe(2);
    expect(out).toContain('[wupex-kit] USAGE: Unexpected argument (value not shown)');
    expect(out).not.toContain(KEY);
  });

  test('exits 2 outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-nogit-'));
    const { code, out } = scanInProcess('--cwd', dir);
    expect(code).toBe(2);
    expect(out).toContain(`[wupex-kit] NOT_A_GIT_REPO: Cannot list files with git in ${dir}.`);
  });
});
