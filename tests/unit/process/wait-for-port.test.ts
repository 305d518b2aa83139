// waitForPort: a loopback port that opens late is waited for; one that never opens gives up at the deadline.
import { createServer } from 'node:net';
import { expect, test } from 'vitest';
import { waitForPort } from '../../../src/process/wait-for-port.ts';

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

test('a port that opens after 200 ms is found; a closed one is given up after the timeout', async () => {
  const port = await freePort();
  const late = createServer();
  setTimeout(() => late.listen(port, '127.0.0.1'), 200);
  expect(await waitForPort('127.0.0.1', port, { timeoutMs: 5_000, intervalMs: 50 })).toBe(true);
  await new Promise((done) => late.close(done));
  expect(await waitForPort('127.0.0.1', port, { timeoutMs: 150, intervalMs: 50 })).toBe(false);
});
