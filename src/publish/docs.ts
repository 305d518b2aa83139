// Builds a static, self-contained HTML reference of openapi/wupex.yaml with Redocly build-docs (behind `npm run docs`).
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { SPEC_PATH } from '../spec/spec.ts';

const ROOT = PACKAGE_ROOT;
const REDOCLY_BIN = resolve(ROOT, 'node_modules/@redocly/cli/bin/cli.js');

export const DOCS_DEFAULTS = { outDir: resolve(ROOT, 'build/docs') } as const;

/**
 * Offline by construction: `--inlineBundle` embeds Redoc instead of loading it from Redocly's CDN,
 * `disableTelemetry` turns off the page's usage beacon, and the two variables stop the CLI's own
 * telemetry and update check (without them it does a DNS lookup on every run).
 */
export const REDOCLY_ARGS = ['--inlineBundle', '--openapi.disableTelemetry=true'] as const;
export const REDOCLY_ENV = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } as const;

/** Build `<outDir>/index.html`; resolves to its path, or to a BUILD_DOCS_FAILED error with redocly's last lines. */
export async function buildDocs(outDir: string = DOCS_DEFAULTS.outDir): Promise<Result<string>> {
  const file = resolve(outDir, 'index.html');
  mkdirSync(outDir, { recursive: true });
  const child = spawn(process.execPath, [REDOCLY_BIN, 'build-docs', SPEC_PATH, ...REDOCLY_ARGS, '-o', file], {
    env: { ...process.env, ...REDOCLY_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => {
    child.once('error', () => done(null));
    child.once('exit', (exitCode) => done(exitCode));
  });
  if (code === 0) return ok(file);
  const tail = output.trim().split('\n').slice(-8).join('\n');
  return err(kitError('BUILD_DOCS_FAILED', `redocly build-docs exited with ${code ?? 'a spawn error'} for ${SPEC_PATH}.\n${tail}`, {
    hint: 'Run `npm ci` (it installs @redocly/cli), then `npm run lint:spec` to find what breaks the spec.',
  }));
}
