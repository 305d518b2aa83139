// Flags of `npm run proxy`, parsed and validated once; the app's key is never a flag (it travels in the app's own requests).
import { integerFlag, parseFlags } from '../cli/flags.ts';
import { HAR_WRITER_DEFAULTS } from '../har/writer.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { PROXY_DEFAULTS } from './proxy-server.ts';

export interface ProxyArgs {
  upstream: string;
  port: number;
  host: string;
  record?: string;
  /** How often (ms) the recording is rewritten while entries arrive. */
  recordFlushMs: number;
  enforce: boolean;
  seed: number;
  help: boolean;
}

export const PROXY_HELP = `Usage: npm run proxy -- --upstream sandbox|mock|URL [options]

  --upstream sandbox|mock|URL   where to forward: the WUPEX sandbox, the twin started in-process, or a base URL
                                (https, or http to loopback only; never production)
  --port N          port to listen on (default ${PROXY_DEFAULTS.port}; 0 = any free port)
  --host H          address to bind (default ${PROXY_DEFAULTS.host})
  --record DIR      write every forwarded exchange to one masked .har file in DIR (kept current while running)
  --record-flush-ms N   rewrite that file at most every N ms while requests arrive (default ${HAR_WRITER_DEFAULTS.flushMs})
  --enforce         answer an invalid request with 400 INVALID_PAYLOAD instead of forwarding it
  --seed N          seed of the in-process twin (--upstream mock; default 1)

Point your app at it: WUPEX_BASE_URL=http://127.0.0.1:${PROXY_DEFAULTS.port}. Your app sends its own x-api-key;
the proxy passes it on and never logs or stores it. Every answer gets x-wupex-violations: <count>.
Ctrl-C prints a summary (requests per operation, violations per check, the recording).`;

const KEY_FLAG = /^--(api-key|key|x-api-key|apikey)(=|$)/i;

export function parseProxyArgs(argv: readonly string[]): Result<ProxyArgs> {
  if (argv.some((a) => KEY_FLAG.test(a))) {
    return err(kitError('USAGE', 'The API key is never passed as an argument.', { hint: 'Your app sends its own x-api-key header; the proxy passes it on.' }));
  }
  const flag = { type: 'string' } as const;
  const parsed = parseFlags(argv, { upstream: flag, port: flag, host: flag, record: flag, 'record-flush-ms': flag, enforce: { type: 'boolean' }, seed: flag, help: { type: 'boolean', short: 'h' } });
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const port = integerFlag('port', v.port, { min: 0, max: 65535, fallback: PROXY_DEFAULTS.port });
  if (!port.ok) return port;
  const seed = integerFlag('seed', v.seed, { min: 0, max: 2 ** 32 - 1, fallback: 1 });
  if (!seed.ok) return seed;
  const flushMs = integerFlag('record-flush-ms', v['record-flush-ms'], { min: 1, max: 3_600_000, fallback: HAR_WRITER_DEFAULTS.flushMs });
  if (!flushMs.ok) return flushMs;
  if (!v.help && !v.upstream) return err(kitError('USAGE', '--upstream is required.', { hint: 'Valid values: mock, sandbox, or a base URL (https, or http to loopback).' }));
  return ok({ upstream: v.upstream ?? '', port: port.value, host: v.host ?? PROXY_DEFAULTS.host, record: v.record, recordFlushMs: flushMs.value, enforce: v.enforce ?? false, seed: seed.value, help: v.help ?? false });
}
