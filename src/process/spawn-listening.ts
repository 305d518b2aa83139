// Starts one of the kit's own scripts as a child process (as a user would) and waits until it says where it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, kitError, ok, type Result } from '../core/result.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface ListeningProcess {
  url: string;
  /** Milliseconds from spawn to "listening". */
  startupMs: number;
  close(): Promise<void>;
}

export interface SpawnListeningOptions {
  /** "scripts/mock.ts" (run through tsx) or a plain JS entry such as "scripts/mock-launch.mjs", and its arguments. */
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Its start-up line; group 1 is the URL. */
  listening: RegExp;
  /** Names it in the error ("The twin", "The proxy") and what to run by hand. */
  name: string;
  code: string;
  hint: string;
  timeoutMs?: number;
}

/** Signal a child and resolve once it has exited (at once when it already has). */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/** Spawn, resolve once `listening` matches stdout or stderr; afterwards the output is drained so the child never blocks. */
export async function spawnListening(options: SpawnListeningOptions): Promise<Result<ListeningProcess>> {
  const started = performance.now();
  const argv = options.args[0]?.endsWith('.mjs') ? options.args : [TSX, ...options.args];
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string | undefined>((done) => {
    const timer = setTimeout(() => done(undefined), options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = options.listening.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => done(undefined));
  });
  const close = () => stopChild(child, 'SIGINT');
  if (!url) {
    await close();
    return err(kitError(options.code, `${options.name} did not start.\n${output.trim().split('\n').slice(-5).join('\n')}`, { hint: options.hint }));
  }
  for (const stream of [child.stdout, child.stderr]) stream.removeAllListeners('data').resume();
  return ok({ url, startupMs: Math.round(performance.now() - started), close });
}
