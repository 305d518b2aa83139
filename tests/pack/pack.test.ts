// npm run test:pack: pack the kit, install the tarball offline into an empty project, and use it there as a user would.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.ts';
import { consumerProject, run } from './support.ts';
import { allSnippets } from '../support/doc-snippets.ts';

const dir = mkdtempSync(join(tmpdir(), 'wupex-pack-'));
let packedFiles: string[] = [];
const project = join(dir, 'project');
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, maxBuffer: 32 * 1024 * 1024 });

beforeAll(async () => {
  const packed = await npm(['pack', '--json', '--pack-destination', dir], PACKAGE_ROOT);
  const [manifest] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const tarball = manifest.filename;
  packedFiles = manifest.files.map((f) => f.path);
  cpSync(join(PACKAGE_ROOT, 'tests/pack/consumer'), project, { recursive: true });
  cpSync(join(dir, tarball), join(project, tarball));
  const files = consumerProject(PACKAGE_ROOT, tarball, ['msw', 'vitest']);
  writeFileSync(join(project, 'package.json'), files.packageJson);
  writeFileSync(join(project, 'package-lock.json'), files.lock);
  await npm(['ci', '--offline', '--ignore-scripts=false'], project);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Poll until nothing answers at `url` any more (the orphaned twin noticed its parent is gone). */
async function portClosesWithin(url: string, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      await fetch(`${url}/__mock/state`);
    } catch {
      return true;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return false;
}

/** Run an installed bin through npx in the consumer project; `listening` is the loopback URL it prints once it serves. */
function npxListening(bin: string, args: string[]) {
  const child = spawn('npx', ['--offline', bin, ...args], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  const listening = new Promise<string>((done, fail) => {
    let out = '';
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) done(found[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`${bin} exited ${code}: ${out}`)));
  });
  return { child, listening };
}

describe('the packed kit in an empty project, offline', () => {
  test('the tarball carries the spec, examples, scenarios and dist, and no tests', () => {
    const paths = packedFiles;
    expect(paths).toEqual(expect.arrayContaining(['openapi/wupex.yaml', 'openapi/examples/errors/unauthorized.json', 'mocks/scenarios/low-balance.json', 'dist/src/twin.js', 'dist/src/twin.d.ts', 'bin/wupex-mock.js', 'dist/src/proxy/twin-worker.mjs']));
    expect(paths).toEqual(expect.arrayContaining(['dist/vendor/prism.cjs', 'dist/vendor/prism.cjs.cache', 'dist/vendor/js-yaml.cjs', 'dist/openapi/wupex.resolved.json', 'dist/openapi/wupex.bundled.json', 'dist/openapi/wupex.bundled.yaml']));
    expect(paths.filter((p) => /^(tests|dist\/tests\/(unit|support|contract|pack))\/|\.tsbuildinfo$|^src\//.test(p))).toEqual([]);
  });

  test('npx wupex-mock --port 0 answers getBalance, and exits when its parent (npx) is killed', async () => {
    const { child, listening } = npxListening('wupex-mock', ['--port', '0']);
    try {
      const url = await listening;
      const response = await fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US' } });
      expect(await response.json()).toEqual({ status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } });
      child.kill('SIGKILL');
      expect(await portClosesWithin(url, 15_000)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('npx wupex-proxy --upstream mock --port 0: its twin thread answers getBalance through the proxy, 0 violations; it exits when npx is killed', async () => {
    const { child, listening } = npxListening('wupex-proxy', ['--upstream', 'mock', '--port', '0']);
    try {
      const url = await listening;
      const response = await fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US' } });
      expect(response.headers.get('x-wupex-violations')).toBe('0');
      expect(await response.json()).toEqual({ status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } });
      child.kill('SIGKILL');
      expect(await portClosesWithin(url, 15_000)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('a plain Node ESM file does list → order → detail → balance with wupex-contract/client against useWupexTwin', async () => {
    const result = await run(process.execPath, ['--test', 'flow.mjs'], { cwd: project });
    expect(result.stdout).toMatch(/# pass 1\n# fail 0/);
  });

  test('the shipped bundle with its code cache; on a Node whose V8 refuses the cache (another version or flags), compiled anew and the flow still passes', async () => {
    const probe = "const v = await import('./node_modules/wupex-contract/dist/src/spec/vendor.js'); console.log(v.loadVendored('prism').source);";
    const sources = await Promise.all([[], ['--no-opt']].map((flags) => run(process.execPath, [...flags, '--input-type=module', '-e', probe], { cwd: project })));
    expect(sources.map((r) => r.stdout.trim())).toEqual(['bundle+cache', 'bundle']);
    const result = await run(process.execPath, ['--no-opt', '--test', 'flow.mjs'], { cwd: project });
    expect(result.stdout).toMatch(/# pass 1\n# fail 0/);
  });

  test('a vitest file with wupexHandlers (msw) gets a balance from https://sandbox-service.wupex.com', async () => {
    const result = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'msw.test.mjs'], { cwd: project, env: { ...process.env, CI: 'true' } });
    expect(result.stdout).toMatch(/1 passed/);
  });
});

describe('TypeScript snippets of README.md and docs/', () => {
  const snippets = allSnippets().filter((s) => s.lang === 'ts' && !s.illustrative);

  test('every ts snippet not marked illustrative compiles with tsc --strict --noUncheckedIndexedAccess against the installed kit, and the README test passes there', async () => {
    expect(snippets.length).toBeGreaterThanOrEqual(3);
    const names = snippets.map((s, i) => `snippet-${i}-${s.file.replace(/[^a-z]+/gi, '-')}-${s.line}${/\btest\(/.test(s.code) ? '.test' : ''}.ts`);
    snippets.forEach((s, i) => writeFileSync(join(project, names[i]!), s.code));
    const tsconfig = {
      compilerOptions: { strict: true, noUncheckedIndexedAccess: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, allowImportingTsExtensions: true, typeRoots: [join(PACKAGE_ROOT, 'node_modules/@types')], types: ['node'] },
      files: names,
    };
    writeFileSync(join(project, 'tsconfig.snippets.json'), JSON.stringify(tsconfig));
    const tsc = await run(process.execPath, [join(PACKAGE_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.snippets.json'], { cwd: project }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? String(e) }));
    expect(tsc.stdout).toBe('');
    const tests = names.filter((n) => n.endsWith('.test.ts'));
    const vitest = await npm(['exec', '--', 'vitest', 'run', ...tests], project);
    // eslint-disable-next-line no-control-regex
    expect(vitest.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(new RegExp(`Test Files\\s+${tests.length} passed`));
  });
});

