// Starts the plain Stoplight Prism CLI on the same spec: its mock (mock:prism, bench, the `prism` target) or its validation proxy.
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { stopChild } from './spawn-listening.ts';
import { SPEC_PATH } from '../spec/spec.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';

/** The Prism CLI version the kit is tested with: an optional peer dependency, installed by the kit's repo, not by a consumer. */
export const PRISM_CLI_VERSION = '5.14.2';
export const PRISM_INSTALL = `npm install --save-dev @stoplight/prism-cli@${PRISM_CLI_VERSION}`;

/**
 * Where the Prism CLI's entry is: looked up from the kit's package root, then from `cwd` (a consumer's project);
 * a PRISM_MISSING error naming the install command when neither has it (never a MODULE_NOT_FOUND stack).
 */
export function resolvePrismBin(roots: readonly string[] = [PACKAGE_ROOT, process.cwd()]): Result<string> {
  try {
    const manifest = createRequire(resolve(PACKAGE_ROOT, 'package.json')).resolve('@stoplight/prism-cli/package.json', { paths: [...roots] });
    return ok(resolve(manifest, '..', 'dist/index.js'));
  } catch {
    return err(kitError('PRISM_MISSING', '@stoplight/prism-cli is not installed: the prism target and mock:prism run the Stoplight Prism CLI, an optional peer dependency of the kit.', {
      hint: `Install it in your project: ${PRISM_INSTALL}`,
    }));
  }
}

export const PRISM_DEFAULTS = { host: '127.0.0.1', startTimeoutMs: 30_000 } as const;

export interface PrismCliOptions {
  port?: number;
  host?: string;
  spec?: string;
  /** Extra CLI flags, e.g. ['--errors'] or ['--dynamic']. */
  args?: string[];
  /** Run `prism proxy` in front of this base URL instead of `prism mock`: it forwards every request and lists what breaks the spec in `sl-violations`. */
  upstream?: string;
  startTimeoutMs?: number;
}

export interface PrismCli {
  url: string;
  port: number;
  /** Milliseconds from spawn to "ready". */
  startupMs: number;
  close(): Promise<void>;
}

/** A free loopback port, asked of the OS (port 0), for a child process that cannot take port 0 itself. */
export function freePort(host: string = PRISM_DEFAULTS.host): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Can we listen on host:port right now? Asked before Prism is spawned, so a taken port is one kit line (PORT_UNAVAILABLE,
 * as `npm run mock` says it) instead of Prism's help text.
 */
export function portAvailable(host: string, port: number): Promise<Result<void>> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', (cause: NodeJS.ErrnoException) =>
      done(err(kitError('PORT_UNAVAILABLE', `Cannot listen on ${host}:${port} (${cause.code ?? cause.message}).`, { hint: 'Pick another with --port N, or stop what uses it.' }))));
    server.listen(port, host, () => server.close(() => done(ok(undefined))));
  });
}

/** Spawn `prism mock` (or `prism proxy` with `upstream`) and resolve once it prints that it is listening. */
export async function startPrismCli(options: PrismCliOptions = {}): Promise<Result<PrismCli>> {
  const host = options.host ?? PRISM_DEFAULTS.host;
  const port = options.port ?? (await freePort(host));
  const bin = resolvePrismBin();
  if (!bin.ok) return bin;
  const started = performance.now();
  const command = options.upstream ? ['proxy', options.spec ?? SPEC_PATH, options.upstream] : ['mock', options.spec ?? SPEC_PATH];
  const child = spawn(process.execPath, [bin.value, ...command, '-h', host, '-p', String(port), ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = await new Promise<boolean>((done) => {
    const timer = setTimeout(() => done(false), options.startTimeoutMs ?? PRISM_DEFAULTS.startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Prism is listening/.test(output)) {
        clearTimeout(timer);
        done(true);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      done(false);
    });
  });
  const close = () => stopChild(child, 'SIGTERM');
  if (!ready) {
    await close();
    const tail = output.trim().split('\n').slice(-5).join('\n');
    return err(kitError('PRISM_START_FAILED', `The Prism CLI did not start on ${host}:${port}.\n${tail}`, {
      hint: `Check that port ${port} is free (or pick another with --port); the lines above are Prism's own.`,
    }));
  }
  // Stop collecting once it listens (Prism logs every request; a growing string searched on every chunk would cost
  // this process, the bench's load generator, more with every answer), but keep draining so it never blocks on a full pipe.
  for (const stream of [child.stdout, child.stderr]) stream.removeAllListeners('data').resume();
  return ok({ url: `http://${host}:${port}`, port, startupMs: Math.round(performance.now() - started), close });
}
