// The secret scan's judgement, in-process: which lines are suspected keys and which are placeholders or documented fakes.
import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { looksLikeSecret, shannonEntropy } from '../../../src/secrets/looks-like-secret.ts';
import { ALLOW_MARKER, scanText } from '../../../src/secrets/scan-text.ts';

// Built at run time from short pieces so no realistic key ever sits literally in this file.
const KEY = ['Zq8', 'vK2', 'mN7', 'pL4', 'xR9', 'tW3', 'bY6'].join('');
const allowedValues = new Set(DEMO_ACCOUNTS.map((a) => a.key));
const scan = (line: string) => scanText('f.txt', line, { allowedValues });
const ruleIds = (line: string) => scan(line).map((f) => f.ruleId);

describe('scanText', () => {
  test.each([
    ['curl header', `curl -H 'x-api-key: ${KEY}' https://sandbox-service.wupex.com`, 'api-key-header'],
    ['JSON header map', `{ "x-api-key": "${KEY}" }`, 'api-key-header'],
    ['.env line', `WUPEX_API_KEY=${KEY}`, 'api-key-variable'],
    ['shell export', `export WUPEX_API_KEY="${KEY}"`, 'api-key-variable'],
    ['YAML env', `  WUPEX_API_KEY: ${KEY}`, 'api-key-variable'],
    ['apiKey field', `const client = create({ apiKey: '${KEY}' });`, 'api-key-field'],
    ['api_key field', `{"api_key": "${KEY}"}`, 'api-key-field'],
    ['Bearer token', `Authorization: Bearer ${KEY}`, 'bearer-token'],
    ['a key that calls itself a test key', `WUPEX_API_KEY: 'sandbox-test-key-${KEY.slice(0, 12)}'`, 'api-key-variable'],
    ['PEM private key', ['-----BEGIN', 'PRIVATE', 'KEY-----'].join(' '), 'private-key'],
    ['YAML apiKey without quotes', `  apiKey: wpx_${KEY}`, 'api-key-field'],
    ['lower-case wupex_api_key=', `wupex_api_key=${KEY}`, 'api-key-variable'],
    ['lower-case wupex_api_key:', `wupex_api_key: ${KEY}`, 'api-key-variable'],
    ['?apiKey= in a URL', `GET https://sandbox-service.wupex.com/api/customer/balance?apiKey=${KEY}&page=1`, 'api-key-query'],
    ['?api_key= in a URL', `fetch("https://h/x?a=1&api_key=${KEY}")`, 'api-key-query'],
    ['a Postman header pair on one line', `{"key":"x-api-key","value":"${KEY}","type":"text"}`, 'postman-key-value'],
    ['wupexKey next to a key-shaped value', `const wupexKey = '${KEY}';`, 'secret-name'],
    ['token next to a key-shaped value', `token: ${KEY}`, 'secret-name'],
    ['secret next to a key-shaped value', `client_secret="${KEY}"`, 'secret-name'],
  ])('invalid: %s is reported', (_name, line, ruleId) => {
    expect(ruleIds(line)).toEqual([ruleId]);
  });

  test.each([
    ['the twin demo keys', DEMO_ACCOUNTS.map((a) => `x-api-key: ${a.key}`).join('\n')],
    ['YOUR_API_KEY', 'x-api-key: YOUR_API_KEY'],
    ['an environment reference', 'WUPEX_API_KEY=$WUPEX_API_KEY'],
    ['a GitHub secret expression', 'WUPEX_API_KEY: ${{ secrets.WUPEX_API_KEY }}'],
    ['an angle-bracket placeholder', 'x-api-key: <your sandbox key>'],
    ['an empty value', 'WUPEX_API_KEY='],
    ['a Postman variable', 'x-api-key: {{apiKey}}'],
    ['code reading the environment', 'const apiKey = process.env.WUPEX_API_KEY;'],
    ['code passing a variable', "headers.set('x-api-key', options.apiKey);"],
    ['a redacted value', 'x-api-key: [REDACTED]'],
    ['a short value', 'x-api-key: k1'],
    ['a realistic fake with the allow marker', `WUPEX_API_KEY=${KEY} # ${ALLOW_MARKER}`],
    ['a token read from the environment', 'token: process.env.WUPEX_TOKEN'],
    ['a key variable passed on', 'const wupexKey = options.key;'],
    ['a second key read from the environment', '}, { secondKey: env.WUPEX_API_KEY_2 });'],
    ['a Postman variable in a query', 'https://h/x?apiKey={{apiKey}}'],
    ['a Postman pair with a variable', '{"key":"x-api-key","value":"{{apiKey}}"}'],
  ])('valid: %s is allowed', (_name, text) => {
    expect(scan(text)).toEqual([]);
  });

  test('a finding names file, line and rule, and never carries the value', () => {
    const findings = scanText('docs/setup.md', `# Setup\n\nx-api-key: ${KEY}\n`, { allowedValues });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'docs/setup.md', line: 3, ruleId: 'api-key-header' });
    expect(findings[0].fingerprint).toMatch(/^key#[0-9a-f]{6}$/);
    expect(JSON.stringify(findings)).not.toContain(KEY);
  });

  test('a pretty-printed Postman pair spread over lines is reported on the line of its value', () => {
    const text = ['{', '  "header": [', '    {', '      "key": "x-api-key",', `      "value": "${KEY}"`, '    }', '  ]', '}'].join('\n');
    expect(scanText('collection.json', text, { allowedValues }).map((f) => [f.line, f.ruleId])).toEqual([[5, 'postman-key-value']]);
  });

  test('extra allowed values are honoured', () => {
    expect(scanText('a', `x-api-key: ${KEY}`, { allowedValues: new Set([KEY]) })).toEqual([]);
  });
});

describe('looksLikeSecret', () => {
  test('random keys are high-entropy, repetitive strings are not', () => {
    expect(shannonEntropy(KEY)).toBeGreaterThan(4);
    expect(looksLikeSecret('a1a1a1a1a1a1a1a1a1a1', { allowedValues })).toBe(false);
    expect(looksLikeSecret(KEY, { allowedValues })).toBe(true);
  });

  test('values without digits are identifiers, not keys', () => {
    expect(looksLikeSecret('configurationValueFromSomewhere', { allowedValues })).toBe(false);
  });
});
