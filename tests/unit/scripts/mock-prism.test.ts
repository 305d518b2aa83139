// npm run mock:prism: a taken port is one kit line (PORT_UNAVAILABLE) and exit 2, as npm run mock says it, never Prism's help;
// and when its npm is killed it leaves with it, Prism included, instead of holding the port (issue 18 #4).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { freePort } from '../../../src/process/prism-cli.ts';
import { runScript } from '../../support/run-script.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

test('a port in use: exit 2 and one PORT_UNAVAILABLE line with what to do', async () => {
  const taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  const { port } = taken.address() as AddressInfo;
  try {
    const run = await runScript('mock-prism', ['--port', String(port)], {});
    expect(run.stderr).toBe(`[wupex-kit] PORT_UNAVAILABLE: Cannot listen on 127.0.0.1:${port} (EADDRINUSE).\n  Pick another with --port N, or stop what uses it.\n`);
    expect(run.code).toBe(2);
  } finally {
    taken.close();
  }
});

/** True once nothing accepts a connection on the port any more; false if something still does after `deadlineMs`. */
async function portFreedWithin(port: number, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer();
      probe.once('error', () => done(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return false;
}

test('killing the npm of npm run mock:prism (npm → sh → tsx → node → Prism) frees its port', async () => {
  const port = await freePort();
  // Its own process group, so the finally below can end whatever is left (Prism included) even when the test fails.
  const npm = spawn('npm', ['run', 'mock:prism', '--', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  try {
    await new Promise<void>((done, fail) => {
      let out = '';
      const read = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Plain Prism CLI mocking')) done();
      };
      npm.stdout.on('data', read);
      npm.stderr.on('data', read);
      npm.once('exit', (code) => fail(new Error(`npm run mock:prism exited ${code} before listening:\n${out}`)));
    });
    npm.kill('SIGKILL');
    expect(await portFreedWithin(port, 10_000)).toBe(true);
  } finally {
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // the group is already gone: nothing left to end
    }
  }
}, 40_000);
