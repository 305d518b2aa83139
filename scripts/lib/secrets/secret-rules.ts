// The patterns the secret scan looks for: each captures the VALUE given to a key-like name (S2, S3: the key is a secret).

/** One scan rule: a stable id, what it means, and a regex whose group `value` is the candidate secret. */
export interface SecretRule {
  id: string;
  title: string;
  pattern: RegExp;
  /** Structural secrets (a PEM private key) need no entropy test: their presence is the finding. */
  alwaysSecret?: boolean;
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
      title: 'value assigned to an *_API_KEY variable (e.g. WUPEX_API_KEY)',
      pattern: new RegExp(String.raw`\b[A-Z0-9_]*API_KEY["']?\s*[:=]\s*` + VALUE, 'g'),
    },
    {
      id: 'api-key-field',
      title: 'quoted value of an apiKey / api_key field',
      pattern: /["']?\b(?:api[_-]?key|apikey)["']?\s*[:=]\s*["'`](?<value>[^"'`\s]+)["'`]/gi,
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
