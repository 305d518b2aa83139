// Reproduce lines: a curl command for one request, with the key replaced by $WUPEX_API_KEY.
import type { ExchangeRequest } from '../../targets/target.ts';

const q = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The keys never appear: wherever the sent key occurs it becomes "$WUPEX_API_KEY" (the second account's,
 * "$WUPEX_API_KEY_2"), double-quoted so the shell expands it.
 */
export function curlLine(request: ExchangeRequest, apiKey: string, secondKey?: string): string {
  const swap = (text: string, key: string | undefined, name: string) =>
    key && key.length >= 4 ? text.split(key).join(name).split(encodeURIComponent(key)).join(name) : text;
  const hide = (text: string) => swap(swap(text, secondKey, '$WUPEX_API_KEY_2'), apiKey, '$WUPEX_API_KEY');
  const quote = (text: string) => (hide(text) !== text ? `"${hide(text).replace(/(["`\\])/g, '\\$1')}"` : q(text));
  const parts = ['curl -sS', '-X', request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', q(hide(request.body)));
  return parts.join(' ');
}
