// The Postman test scripts of the contract suite: documented status, JSON, envelope and response schema, as `pm.test` lines.

/** A Postman event script: the lines Postman and Newman run after (or before) the request. */
export interface PostmanEvent {
  listen: 'test' | 'prerequest';
  script: { type: 'text/javascript'; exec: string[] };
}

export const testEvent = (exec: string[]): PostmanEvent => ({ listen: 'test', script: { type: 'text/javascript', exec } });

/**
 * The response schema as Postman's sandbox can judge it (Ajv 6, draft-07): OpenAPI's `format`s it does not know
 * (int32, int64) are left to `unknownFormats: 'ignore'`, and `x-` annotations are dropped to keep the script small.
 */
function portable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(portable);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([k]) => !k.startsWith('x-') && k !== 'example' && k !== 'examples' && k !== 'description').map(([k, v]) => [k, portable(v)]));
}

export interface Expectation {
  status: number;
  /** The response schema documented for that status. */
  schema?: unknown;
  /** For an error: the envelope's `error.code`. */
  errorCode?: string;
}

/** One `pm.test` per property: what a failure names is the property that broke, and every assertion is counted by Newman. */
export function contractTests(want: Expectation): string[] {
  const ok = want.status < 400;
  const lines = [
    `const body = (() => { try { return pm.response.json(); } catch (e) { return undefined; } })();`,
    `pm.test('status ${want.status} (documented)', () => pm.response.to.have.status(${want.status}));`,
    `pm.test('JSON body (application/json)', () => { pm.expect(pm.response.headers.get('Content-Type') || '').to.match(/^application\\/json/); pm.expect(body).to.be.an('object'); });`,
    ok
      ? `pm.test('success envelope: status true, data, no error', () => { pm.expect(body.status).to.equal(true); pm.expect(body).to.have.property('data'); pm.expect(body).to.not.have.property('error'); });`
      : `pm.test('error envelope: status false, error.code ${want.errorCode}, a message, no data', () => { pm.expect(body.status).to.equal(false); pm.expect(body.error.code).to.equal('${want.errorCode}'); pm.expect(body.error.message).to.be.a('string').and.not.empty; pm.expect(body).to.not.have.property('data'); });`,
  ];
  if (want.schema) lines.push(`pm.test('body matches the spec schema for ${want.status}', () => pm.response.to.have.jsonSchema(${JSON.stringify(portable(want.schema))}, { unknownFormats: 'ignore' }));`);
  return lines;
}

/** How many `pm.test` calls a script makes: what Newman must report as assertions, so none is silently skipped. */
export const assertionsIn = (exec: readonly string[]) => exec.join('\n').match(/\bpm\.test\(/g)?.length ?? 0;
