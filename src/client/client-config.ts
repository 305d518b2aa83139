// Resolves where the client talks to and with which key: options, then WUPEX_* via loadKitEnv(), then the twin's demo key.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import type { KitEnv } from '../cli/env.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { TWIN_URL, baseUrlString, isLoopbackHost, parseBaseUrl } from '../http/base-url.ts';

export interface ClientConfigInput {
  baseUrl?: string;
  apiKey?: string;
}

/** Where the key came from, so output can say so without showing it. */
export type KeySource = 'option' | 'WUPEX_API_KEY' | 'twin-demo-key';

export interface ClientConfig {
  baseUrl: string;
  apiKey: string;
  keySource: KeySource;
  /** True when the base URL is loopback (the twin or a local stand-in). */
  loopback: boolean;
}

/**
 * Base URL: option, else WUPEX_BASE_URL, else the twin. Key: option, else WUPEX_API_KEY, else, only
 * when the URL is loopback (the twin), the twin's first demo key, so `npm run example` works with no setup.
 */
export function resolveClientConfig(input: ClientConfigInput, env: KitEnv): Result<ClientConfig> {
  const fromOption = input.baseUrl !== undefined;
  const parsed = parseBaseUrl(input.baseUrl ?? env.WUPEX_BASE_URL ?? TWIN_URL, fromOption ? 'baseUrl' : 'WUPEX_BASE_URL');
  if (!parsed.ok) return parsed;
  const loopback = isLoopbackHost(parsed.value.hostname);
  const baseUrl = baseUrlString(parsed.value);
  if (input.apiKey) return ok({ baseUrl, apiKey: input.apiKey, keySource: 'option', loopback });
  if (env.WUPEX_API_KEY) return ok({ baseUrl, apiKey: env.WUPEX_API_KEY, keySource: 'WUPEX_API_KEY', loopback });
  if (loopback) return ok({ baseUrl, apiKey: DEMO_ACCOUNTS[0].key, keySource: 'twin-demo-key', loopback });
  return err(kitError('CONFIG_INVALID', `No API key for ${baseUrl}: WUPEX_API_KEY is not set.`, {
    hint: 'Put your sandbox key in WUPEX_API_KEY (environment or the git-ignored .env), or unset WUPEX_BASE_URL to use the twin.',
  }));
}
