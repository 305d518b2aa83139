// Starts `npm run proxy` as a user runs it (its own process, compiled or through tsx as npm run does) for the CLI tests; resolves once it says where it listens.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SpawnedProxy {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Everything it has printed so far. */
  stdout(): string;
  stderr(): string;
}

/** `node scripts/mock-launch.mjs proxy ...args` with WUPEX_API_KEY empty; rejects with its output if it exits before listening. */
export function spawnProxy(args: readonly string[]): Promise<SpawnedProxy> {
  const child = spawn(process.execPath, ['scripts/mock-launch.mjs', 'proxy', ...args], { cwd: ROOT, env: { ...process.env, WUPEX_API_KEY: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  return new Promise((done, fail) => {
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      const url = /proxy listening on (http:\/\/\S+) /.exec(stderr)?.[1];
      if (url) done({ child, url, stdout: () => stdout, stderr: () => stderr });
    });
    child.once('exit', () => fail(new Error(`proxy exited: ${stderr}`)));
  });
}
