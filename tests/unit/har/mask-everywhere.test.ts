// A recording holds the key nowhere (issue 17 #2): not in redirectURL, the path, any query parameter or header, cookies,
// post data or response text, even disguised with invisible characters; serial codes are masked under any casing and type.
import { describe, expect, test } from 'vitest';
import type { HarEntry } from '../../../src/har/har.ts';
import { maskEntry } from '../../../src/har/mask.ts';
import { normaliseText } from '../../../src/secrets/redact.ts';
import { distinctiveKey, keyRunsIn } from '../../support/hostile-servers.ts';

const KEY = distinctiveKey();
const disguised = [...KEY].join('\u200b');

function entry(): HarEntry {
  const nv = (name: string, value: string) => ({ name, value });
  return {
    startedDateTime: '2026-12-05T00:00:00.000Z',
    time: 1,
    request: {
      method: 'POST',
      url: `http://127.0.0.1:4010/api/${KEY}/x?token=${KEY}`,
      httpVersion: 'HTTP/1.1',
      headers: [nv('x-api-key', KEY), nv('api-key', KEY), nv('Referer', `http://app.example/?k=${KEY}`)],
      queryString: [nv('token', KEY)],
      cookies: [nv('session', KEY)],
      headersSize: -1,
      bodySize: 10,
      postData: { mimeType: 'application/json', text: JSON.stringify({ note: disguised }) },
    },
    response: {
      status: 302,
      statusText: 'Found',
      httpVersion: 'HTTP/1.1',
      headers: [nv('Location', `https://other.example/${KEY}`), nv(`x-${KEY}`, 'v')],
      cookies: [nv('c', KEY)],
      content: { size: 10, mimeType: 'application/json', text: JSON.stringify({ data: { SerialCode: 'ABCDEFGHIJKL1234', serials: [{ serialCode: 123456789012 }] }, echo: disguised }) },
      redirectURL: `https://other.example/?key=${KEY}`,
      headersSize: -1,
      bodySize: 10,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

describe('maskEntry', () => {
  test('no 8-character run of the key remains anywhere in the entry, even after invisible characters are removed', () => {
    const text = JSON.stringify(maskEntry(entry()));
    expect(keyRunsIn(normaliseText(text), KEY)).toEqual([]);
    expect(keyRunsIn(text, KEY)).toEqual([]);
  });

  test('serial codes are masked under any casing, numeric ones keeping their type', () => {
    const masked = JSON.parse(maskEntry(entry()).response.content.text) as { data: { SerialCode: string; serials: { serialCode: number }[] } };
    expect(masked.data.SerialCode).toBe('************1234');
    expect(masked.data.serials[0]?.serialCode).toBe(9012);
  });
});
