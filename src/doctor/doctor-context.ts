// Builds the real DoctorContext: the repository, the kit environment, the spec lint as a subprocess, npm's version, the outbound path.
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadKitEnv, type KitEnv } from '../cli/env.ts';
import { outboundFetch } from '../http/outbound-fetch.ts';
import { loadSpec } from '../spec/spec.ts';
import { DOCTOR_DEFAULTS, type CommandOutcome, type DoctorContext } from './doctor-check.ts';

export const REPO_ROOT = PACKAGE_ROOT;

/** npm's version: from npm's own user agent when run as `npm run doctor`, else `npm --version`. */
export function readNpmVersion(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromAgent = /\bnpm\/(\d+\.\d+\.\d+)/.exec(env.npm_config_user_agent ?? '')?.[1];
  if (fromAgent) return fromAgent;
  const run = spawnSync('npm', ['--version'], { encoding: 'utf8', timeout: 10_000, shell: process.platform === 'win32' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Run the exact `lint:spec` command of package.json, with the local spectral binary (no npx, no download). */
export function runSpecLint(root: string = REPO_ROOT): Promise<CommandOutcome> {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const [bin, ...args] = (pkg.scripts?.['lint:spec'] ?? '').split(/\s+/).filter(Boolean);
  const binPath = resolve(root, 'node_modules/.bin', bin ?? 'spectral');
  if (!bin || !existsSync(binPath)) return Promise.resolve({ code: null, output: `${binPath} not found` });
  return new Promise((done) => {
    const child = spawn(binPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', (e) => done({ code: null, output: e.message }));
    child.once('close', (code) => done({ code, output }));
  });
}

export interface DoctorContextOptions {
  offline?: boolean;
  env?: KitEnv;
  root?: string;
}

/** The context scripts/doctor.ts runs with; tests build theirs field by field instead. */
export function createDoctorContext(options: DoctorContextOptions = {}): DoctorContext {
  const root = options.root ?? REPO_ROOT;
  return {
    env: options.env ?? loadKitEnv(process.env, root),
    root,
    doc: loadSpec(),
    offline: options.offline ?? false,
    nodeVersion: process.versions.node,
    npmVersion: () => readNpmVersion(),
    runSpecLint: () => runSpecLint(root),
    // The one outbound path; a probe sends no key, so production may be probed (read-only, keyless).
    fetch: (request, limits) => outboundFetch({ headersTimeoutMs: limits.timeoutMs, deadlineMs: limits.timeoutMs, maxResponseBytes: DOCTOR_DEFAULTS.probeMaxBytes, allowProduction: true })(request),
    probeTimeoutMs: DOCTOR_DEFAULTS.probeTimeoutMs,
  };
}
