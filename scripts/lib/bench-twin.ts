// Starts `npm run mock` (the twin) as a child process on a given port, as a user would, and times its start-up.
import { PACKAGE_ROOT } from './package-root.ts';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { err, kitError, ok, type Result } from './result.ts';

const ROOT = PACKAGE_ROOT;
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface TwinProcess {
  url: string;
  port: number;
  /** Milliseconds from spawn to "listening". */
  startupMs: number;
  close(): Promise<void>;
}

/** Spawn scripts/mock.ts with the demo accounts and no faults; resolve once it prints where it listens. */
export async function startTwinProcess(port: number, timeoutMs = 30_000): Promise<Result<TwinProcess>> {
  const started = performance.now();
  // Explicit values (not empty ones, which would let a .env file decide): the bench measures the twin without faults.
  const env = { ...process.env, WUPEX_MOCK_KEYS: DEMO_ACCOUNTS.map((a) => `${a.key}:${a.merchantCode}`).join(','), WUPEX_MOCK_FAULT_RATE: '0', WUPEX_MOCK_RATE_LIMIT: '0', WUPEX_MOCK_LATENCY_MS: '0' };
  const child = spawn(process.execPath, [TSX, 'scripts/mock.ts', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string | undefined>((done) => {
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+) /.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => done(undefined));
  });
  const close = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGINT');
    });
  if (!url) {
    await close();
    return err(kitError('TWIN_START_FAILED', `The twin did not start on 127.0.0.1:${port}.\n${output.trim().split('\n').slice(-5).join('\n')}`, { hint: 'Run `npm run mock -- --port N` by hand to see why.' }));
  }
  // Keep draining the per-request log so the child never blocks on a full pipe.
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.resume();
  return ok({ url, port, startupMs: Math.round(performance.now() - started), close });
}
