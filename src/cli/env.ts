// Kit configuration from the environment, with an optional git-ignored .env file as fallback.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The variables the kit reads; nothing else is configuration. */
export interface KitEnv {
  WUPEX_API_KEY?: string;
  WUPEX_BASE_URL?: string;
  KIT_TARGET?: string;
  WUPEX_MOCK_KEYS?: string;
  [name: string]: string | undefined;
}

/** Parse KEY=value lines (comments, blank lines, optional quotes). No interpolation, no export keyword magic. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2].replace(/^(['"])(.*)\1$/, '$2');
    out[match[1]] = value;
  }
  return out;
}

/**
 * The effective environment: real environment variables win over `.env` in `cwd`.
 * Empty values count as unset at both layers, so `.env.example` copied as-is configures nothing.
 */
export function loadKitEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): KitEnv {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotEnv(readFileSync(file, 'utf8')) : {};
  const merged: KitEnv = {};
  for (const layer of [fromFile, env]) {
    for (const [name, value] of Object.entries(layer)) if (value !== undefined && value !== '') merged[name] = value;
  }
  return merged;
}

/** Where WUPEX_API_KEY came from, for messages about a rejected or unknown key: the environment, `.env` in cwd, or nowhere. */
export function keyOrigin(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  if (env.WUPEX_API_KEY) return 'the environment (WUPEX_API_KEY)';
  const file = resolve(cwd, '.env');
  if (existsSync(file) && parseDotEnv(readFileSync(file, 'utf8')).WUPEX_API_KEY) return `WUPEX_API_KEY in ${file}`;
  return undefined;
}
