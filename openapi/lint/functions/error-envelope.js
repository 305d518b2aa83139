// wupex-error-envelope: every 4xx/5xx response body is the vendor error envelope {status:false, error:{code,message}} (S7, S8).
// @ts-check

/**
 * Flatten `allOf` branches so a composed envelope still counts.
 * @param {any} schema
 * @returns {any[]}
 */
function parts(schema) {
  if (!schema || typeof schema !== 'object') return [];
  return [schema, ...(Array.isArray(schema.allOf) ? schema.allOf.flatMap(parts) : [])];
}

/**
 * True when the (resolved) schema requires `status` fixed to false and an `error` object that
 * requires `code` and `message`: judged on shape, not on the component's name.
 * @param {any} schema
 */
function isEnvelope(schema) {
  const all = parts(schema);
  const required = new Set(all.flatMap((s) => (Array.isArray(s.required) ? s.required : [])));
  const prop = (/** @type {string} */ name) => all.map((s) => s.properties?.[name]).find(Boolean);
  const status = prop('status');
  const statusFalse = status?.const === false || (Array.isArray(status?.enum) && status.enum.length === 1 && status.enum[0] === false);
  const errorParts = parts(prop('error'));
  const errorRequired = new Set(errorParts.flatMap((s) => (Array.isArray(s.required) ? s.required : [])));
  return required.has('status') && required.has('error') && statusFalse && errorRequired.has('code') && errorRequired.has('message');
}

/**
 * Spectral function. Given one resolved responses object, reports each 4xx/5xx response without an
 * application/json body whose schema is the error envelope.
 * @param {unknown} responses
 * @param {unknown} _options
 * @param {{ path: (string | number)[] }} context
 * @returns {{ message: string, path: (string | number)[] }[]}
 */
export default function errorEnvelope(responses, _options, context) {
  const results = [];
  for (const [code, response] of Object.entries(/** @type {Record<string, any>} */ (responses ?? {}))) {
    if (!/^[45]/.test(code)) continue;
    const schema = response?.content?.['application/json']?.schema;
    if (isEnvelope(schema)) continue;
    results.push({
      message: `Response ${code} must use the error envelope {status: false, error: {code, message}} as its application/json schema.`,
      path: [...context.path, code],
    });
  }
  return results;
}
