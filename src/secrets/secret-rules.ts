// The patterns the secret scan looks for: each captures the VALUE given to a key-like name (S2, S3: the key is a secret).

/** One scan rule: a stable id, what it means, and a regex whose group `value` is the candidate secret. */
export interface SecretRule {
  id: string;
  title: string;
  pattern: RegExp;
  /** Structural secrets (a PEM private key) need no entropy test: their presence is the finding. */
  alwaysSecret?: boolean;
  /** Matched against the whole text, not line by line (pretty-printed JSON spreads a pair over lines). */
  multiline?: boolean;
}

/** Value characters of a bare key; stops at quotes, spaces, separators and template syntax. */
const VALUE = String.raw`["'\x60]?(?<value>[^\s"'\x60,;)}\]]+)`;

/** Fresh RegExp objects per call: global regexes carry `lastIndex`, so none is shared at module level. */
export function secretRules(): SecretRule[] {
  return [
    {
      id: 'api-key-header',
      title: 'value given to the x-api-key header',
      pattern: new RegExp(String.raw`x-api-key["']?\s*[:=,]\s*` + VALUE, 'gi'),
    },
    {
      id: 'api-key-variable',
      title: 'value assigned to an *_API_KEY variable (e.g. WUPEX_API_KEY, wupex_api_key)',
      // Upper case with any prefix, or lower case with a prefix (a bare api_key is a field: api-key-field, api-key-query).
      pattern: new RegExp(String.raw`\b(?:[A-Z0-9_]*API_KEY|[a-z0-9_]+_api_key)["']?\s*[:=]\s*` + VALUE, 'g'),
    },
    {
      id: 'api-key-query',
      title: 'key in a URL query parameter (?apiKey=, ?api_key=, ?x-api-key=, ?token=)',
      pattern: /[?&](?:x-api-key|api[_-]?key|apikey|access[_-]?token|token)=(?<value>[^&\s"'`#)]+)/gi,
    },
    {
      id: 'api-key-field',
      title: 'value of an apiKey / api_key field, quoted or not (YAML)',
      pattern: new RegExp(String.raw`["']?\b(?:api[_-]?key|apikey)["']?\s*[:=]\s*` + VALUE, 'gi'),
    },
    {
      id: 'postman-key-value',
      title: 'Postman-style {"key": "x-api-key", "value": "..."} pair',
      pattern: /"key"\s*:\s*"(?:x-api-key|api[_-]?key|apikey|token|secret|authorization)"\s*,\s*"value"\s*:\s*"(?<value>[^"]+)"/gi,
      multiline: true,
    },
    {
      id: 'secret-name',
      title: 'key-shaped value next to a name like wupexKey, token or secret',
      pattern: new RegExp(String.raw`\b[A-Za-z0-9_-]*(?:key|token|secret)["']?\s*[:=]\s*` + VALUE, 'gi'),
    },
    {
      id: 'bearer-token',
      title: 'token after Authorization: Bearer',
      pattern: /\bBearer\s+(?<value>[A-Za-z0-9._~+/=-]+)/g,
    },
    {
      id: 'private-key',
      title: 'PEM private key block',
      pattern: /(?<value>-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----)/g,
      alwaysSecret: true,
    },
  ];
}
