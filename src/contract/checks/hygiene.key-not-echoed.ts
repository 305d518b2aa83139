// hygiene.key-not-echoed: the API key sent never comes back in a response header or body.
import type { Exchange } from '../targets/target.ts';
import { defineExchangeCheck, fail, pass, skip } from './check.ts';

/** The key values a request carried: the x-api-key header and any api-key-like query parameter. */
function sentKeys(exchange: Exchange): string[] {
  const keys = [exchange.request.headers['x-api-key']];
  for (const [name, value] of new URL(exchange.request.url).searchParams) {
    if (/^(x-api-key|api[-_]?key|apikey)$/i.test(name)) keys.push(value);
  }
  return keys.filter((k): k is string => typeof k === 'string' && k.length >= 4);
}

export const hygieneKeyNotEchoed = defineExchangeCheck({
  id: 'hygiene.key-not-echoed',
  title: 'API key echoed in the response',
  severity: 'critical',
  description: 'A response that repeats the x-api-key value in a header or the body (it would end up in logs and caches).',
  run(exchange, operation) {
    const keys = sentKeys(exchange);
    if (keys.length === 0) return skip('no key was sent');
    const { headers, text, status } = exchange.response;
    for (const key of keys) {
      const header = Object.entries(headers).find(([, value]) => value.includes(key));
      if (header) return fail(`${operation.label}: the key sent came back in response header "${header[0]}" (HTTP ${status}); the spec never returns the key.`, exchange);
      if (text.includes(key)) return fail(`${operation.label}: the key sent came back in the response body (HTTP ${status}); the spec never returns the key.`, exchange);
    }
    return pass();
  },
});
