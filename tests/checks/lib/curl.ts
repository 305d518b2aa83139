// Reproduce lines: a curl command for one request, with the key replaced by $WUPEX_API_KEY.
import type { ExchangeRequest } from '../../targets/target.ts';

const q = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The key never appears: wherever the sent key occurs it becomes "$WUPEX_API_KEY" (double-quoted so the shell expands it). */
export function curlLine(request: ExchangeRequest, apiKey: string): string {
  const hide = (text: string) => (apiKey.length >= 4 ? text.split(apiKey).join('$WUPEX_API_KEY').split(encodeURIComponent(apiKey)).join('$WUPEX_API_KEY') : text);
  const quote = (text: string) => (hide(text) !== text ? `"${hide(text).replace(/(["`\\])/g, '\\$1')}"` : q(text));
  const parts = ['curl -sS', '-X', request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', q(hide(request.body)));
  return parts.join(' ');
}
