// npm run mock:prism leaves with its npm (issue 18 #4): killing npm (npm -> sh -> tsx -> node -> Prism) frees the port.
// In test:pack, not npm test: npm, tsx and the Prism CLI cost several seconds of start-up.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.ts';
import { freePort } from '../../src/process/prism-cli.ts';

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
  const npm = spawn('npm', ['run', 'mock:prism', '--', '--port', String(port)], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
