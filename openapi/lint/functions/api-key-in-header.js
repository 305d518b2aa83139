// wupex-api-key-in-header: the API key is an apiKey scheme sent in the `x-api-key` header (S2, S3).
// @ts-check

/** @typedef {{ message: string, path: (string | number)[] }} LintResult */

/**
 * Spectral function (file name = function name). Given the resolved root document, requires an apiKey
 * security scheme `in: header` named `x-api-key`, and reports every apiKey scheme sent in a query
 * string or cookie, because a key there leaks into logs, proxies and browser history.
 * @param {unknown} root
 * @returns {LintResult[]}
 */
export default function apiKeyInHeader(root) {
  const doc = /** @type {{ components?: { securitySchemes?: Record<string, any> } }} */ (root ?? {});
  const schemes = Object.entries(doc.components?.securitySchemes ?? {}).filter(([, s]) => s?.type === 'apiKey');
  /** @type {LintResult[]} */
  const results = [];
  for (const [name, scheme] of schemes) {
    if (scheme.in !== 'header') {
      results.push({
        message: `Security scheme "${name}" sends the API key in ${scheme.in}; send it in the x-api-key header instead.`,
        path: ['components', 'securitySchemes', name, 'in'],
      });
    }
  }
  const inHeader = schemes.some(([, s]) => s.in === 'header' && String(s.name).toLowerCase() === 'x-api-key');
  if (!inHeader) {
    results.push({
      message: 'No apiKey security scheme with `in: header` and `name: x-api-key`; declare one (S2, S3).',
      path: ['components', 'securitySchemes'],
    });
  }
  return results;
}
