// wupex-accept-language-required: every operation takes a required Accept-Language header (S2, S3).
// @ts-check

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * @param {unknown} params
 * @returns {any[]}
 */
const list = (params) => (Array.isArray(params) ? params : []);

/**
 * Spectral function. Given one resolved path item, reports each operation that has no required
 * `Accept-Language` header parameter of its own or inherited from the path item.
 * @param {unknown} pathItem
 * @param {unknown} _options
 * @param {{ path: (string | number)[] }} context
 * @returns {{ message: string, path: (string | number)[] }[]}
 */
export default function acceptLanguageRequired(pathItem, _options, context) {
  const item = /** @type {Record<string, any>} */ (pathItem ?? {});
  const results = [];
  for (const method of METHODS) {
    const op = item[method];
    if (!op || typeof op !== 'object') continue;
    const params = [...list(item.parameters), ...list(op.parameters)];
    const found = params.find((p) => p?.in === 'header' && String(p?.name).toLowerCase() === 'accept-language');
    if (found?.required === true) continue;
    results.push({
      message: found
        ? `${method.toUpperCase()} ${context.path[1]}: the Accept-Language header must be required: true.`
        : `${method.toUpperCase()} ${context.path[1]} does not take the Accept-Language header; add the AcceptLanguage parameter.`,
      path: [...context.path, method, 'parameters'],
    });
  }
  return results;
}
