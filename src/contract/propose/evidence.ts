// One exchange as a short line of evidence: what was asked, what came back, when. Redacted where it is written.
import type { Exchange } from '../../http/exchange.ts';
import { isObject } from '../checks/lib/text.ts';

export interface EvidenceLine {
  request: string;
  response: string;
}

const MAX = 160;
const cut = (text: string) => (text.length > MAX ? `${text.slice(0, MAX)}…` : text);

export function evidenceLine(exchange: Exchange): EvidenceLine {
  const { request, response } = exchange;
  const url = new URL(request.url, 'http://x');
  const headers = ['content-type', 'accept-language'].filter((h) => request.method === 'POST' || h !== 'content-type').map((h) => `${h}: ${request.headers[h] ?? '(none)'}`);
  const body = request.body === undefined ? '' : ` ${cut(request.body)}`;
  const error = isObject(response.json) && isObject(response.json.error) ? response.json.error : undefined;
  const said = error ? ` ${String(error.code ?? '')} "${cut(String(error.message ?? ''))}"` : response.text ? ` ${cut(response.text)}` : '';
  return { request: `${request.method} ${url.pathname}${url.search} (${headers.join('; ')})${body}`, response: `HTTP ${response.status}${said}` };
}
