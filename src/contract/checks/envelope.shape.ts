// envelope.shape: 2xx bodies are {status: true, ...}; 4xx/5xx bodies are {status: false, error: {code, message}} (S8, S9).
import { defineExchangeCheck, fail, pass, skip } from './check.ts';
import { basis } from './lib/basis.ts';
import { isObject, keysOf, snippet } from './lib/text.ts';

const ERROR_ENVELOPE = '{"status": false, "error": {"code", "message"}}';

export const envelopeShape = defineExchangeCheck({
  id: 'envelope.shape',
  title: 'Response is not in the vendor envelope',
  severity: 'high',
  basis: basis(['2'], ['S8', 'S9']),
  description: 'A success without status: true, or an error body that is not the {status: false, error: {code, message}} envelope.',
  run(exchange, operation) {
    const { status, json, text } = exchange.response;
    if (status < 200 || (status >= 300 && status < 400)) return skip(`HTTP ${status} has no envelope`);
    if (status < 300) {
      if (isObject(json) && json.status === true) return pass();
      const got = !isObject(json) ? snippet(text, keysOf(exchange.request)) : 'status' in json ? `status ${JSON.stringify(json.status)}` : 'no status member';
      return fail(`${operation.label}: HTTP ${status} body has ${got}; the spec documents {"status": true, "data": ...} on success.`, exchange);
    }
    const error = isObject(json) ? json.error : undefined;
    const ok = isObject(json) && json.status === false && isObject(error) && typeof error.code === 'string' && typeof error.message === 'string';
    if (ok) return pass();
    return fail(`${operation.label}: HTTP ${status} body is not the error envelope (received ${snippet(text, keysOf(exchange.request))}); the spec documents ${ERROR_ENVELOPE}.`, exchange);
  },
});
