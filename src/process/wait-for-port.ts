// Wait for a loopback port to accept connections: `npm run mock & npm run verify` must not race the twin's start-up.
import { connect } from 'node:net';

export const WAIT_DEFAULTS = { timeoutMs: 5_000, intervalMs: 100 } as const;

function tryConnect(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** True once `host:port` accepts a TCP connection, false when `timeoutMs` passed first. */
export async function waitForPort(host: string, port: number, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<boolean> {
  const { timeoutMs, intervalMs } = { ...WAIT_DEFAULTS, ...options };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tryConnect(host, port)) return true;
    if (Date.now() + intervalMs > deadline) return false;
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}
