// Spec edits of every kind (paths, parameters, schemas, enums, statuses, examples) get the class a client would give them.
import { describe, expect, test } from 'vitest';
import { classifyChanges, type SpecChange } from '../../../src/spec-diff/classify.ts';
import { bundleSpec } from '../../../src/spec/spec-bundle.ts';

type Doc = any;
const BASE = bundleSpec() as Doc;
const PULL = '/api/order/pull-codes';
const BALANCE = '/api/customer/balance';
/** pullCodes' documented success status (200 today, 201 once adopted: DECISIONS #12). */
const SUCCESS = Object.keys(BASE.paths[PULL].post.responses).find((s) => s.startsWith('2'))!;
/** A balance member the spec does not have (currency today; another name once an adoption has added it). */
const NEW_MEMBER = ['currency', 'currencyCode', 'currencyIso'].find((m) => !(m in BASE.components.schemas.Balance.properties))!;

function changesAfter(edit: (doc: Doc) => void): SpecChange[] {
  const after = structuredClone(BASE);
  edit(after);
  return classifyChanges(BASE, after);
}

/** The classes of the client-facing changes (what the gate reads), by id. */
const gated = (changes: SpecChange[]) => Object.fromEntries(changes.filter((c) => c.scope !== 'components').map((c) => [c.id, c.class]));

// [edit, the spec change, expected gated changes (id -> class)]
const EDITS: [string, (doc: Doc) => void, Record<string, string>][] = [
  ['path: an operation removed', (d) => delete d.paths[BALANCE], { [`GET ${BALANCE}`]: 'breaking' }],
  ['path: an operation added', (d) => (d.paths['/api/order/cancel'] = { post: { operationId: 'cancelOrder', responses: { '200': { description: 'cancelled' } } } }), { 'POST /api/order/cancel': 'non-breaking' }],
  ['parameter: an optional query parameter made required', (d) => (d.components.parameters.ReferenceId.required = true), { [`POST ${PULL} parameters.referenceId.required`]: 'breaking' }],
  ['parameter: an optional query parameter added', (d) => d.paths[BALANCE].get.parameters.push({ name: 'currency', in: 'query', required: false, schema: { type: 'string' } }), { [`GET ${BALANCE} parameters.currency`]: 'non-breaking' }],
  ['parameter: a required query parameter added', (d) => d.paths['/api/order/detail'].get.parameters.push({ name: 'currency', in: 'query', required: true, schema: { type: 'string' } }), { 'GET /api/order/detail parameters.currency': 'breaking' }],
  ['schema: a required response field removed', (d) => {
    const s = d.components.schemas.PullCodesResult;
    delete s.properties.totalAmount;
    s.required = s.required.filter((n: string) => n !== 'totalAmount');
  }, { [`POST ${PULL} responses.${SUCCESS}.data.totalAmount`]: 'breaking', [`POST ${PULL} responses.${SUCCESS}.data.totalAmount.required`]: 'breaking' }],
  ['schema: an optional response field added', (d) => (d.components.schemas.Balance.properties[NEW_MEMBER] = { type: 'string' }), { [`GET ${BALANCE} responses.200.data.${NEW_MEMBER}`]: 'non-breaking' }],
  ['schema: a request maximum lowered', (d) => (d.components.schemas.OrderLine.properties.quantity.maximum = 10), { [`POST ${PULL} requestBody[].quantity.maximum`]: 'breaking' }],
  ['enum: a request enum narrowed', (d) => (d.components.schemas.SearchOperator.enum = ['Equals']), {
    'POST /api/product/merchant/invited/list requestBody.search[].operator.enum:GreaterThan': 'breaking',
    'POST /api/order/list requestBody.search[].operator.enum:GreaterThan': 'breaking',
  }],
  ['enum: a request enum widened', (d) => d.components.parameters.AcceptLanguage.schema.enum.push('de-DE'), Object.fromEntries(
    ['POST /api/product/merchant/invited/list', `POST ${PULL}`, 'POST /api/order/list', 'GET /api/order/detail', `GET ${BALANCE}`].map((op) => [`${op} parameters.Accept-Language.enum:de-DE`, 'non-breaking']),
  )],
  ['status: a documented response removed', (d) => delete d.paths[BALANCE].get.responses['429'], { [`GET ${BALANCE} responses.429`]: 'breaking' }],
  ['status: a response added', (d) => (d.paths[BALANCE].get.responses['418'] = { description: 'teapot' }), { [`GET ${BALANCE} responses.418`]: 'non-breaking' }],
  ['example: an example value changed', (d) => {
    const examples = d.paths[BALANCE].get.responses['200'].content['application/json'].examples;
    examples[Object.keys(examples)[0]!].value.data.balance = 1;
  }, { [`GET ${BALANCE} responses.200.examples.funded.value.data.balance`]: 'annotation' }],
  ['text: a description changed', (d) => (d.paths[BALANCE].get.description = 'Reads the balance.'), { [`GET ${BALANCE} description`]: 'annotation' }],
];

// The edits touch disjoint parts of the spec, so they are applied together and compared once (a whole-spec comparison
// costs ~0.1 s); removing the balance operation would hide the other balance edits, so it is compared on its own.
const [removal, ...together] = EDITS;
const combined = gated(changesAfter((d) => together.forEach(([, edit]) => edit(d))));
const alone = gated(changesAfter(removal![1]));

describe('classifyChanges (api-smart-diff, named and scoped)', () => {
  test('the spec against itself: no change', () => {
    expect(classifyChanges(BASE, structuredClone(BASE))).toEqual([]);
  });

  test(`${removal![0]}`, () => {
    expect(alone).toEqual(removal![2]);
  });

  test.each(together)('%s', (_name, _edit, want) => {
    expect(Object.fromEntries(Object.keys(want).map((id) => [id, combined[id]]))).toEqual(want);
  });

  test('the edits together change nothing else', () => {
    expect(combined).toEqual(Object.assign({}, ...together.map(([, , want]) => want)));
  });

  test('an allOf the library cannot classify (the old required-override) counts as breaking and says so', () => {
    const changes = changesAfter((d) => {
      d.components.schemas.PullCodesResult.properties.serials.items = { allOf: [{ $ref: '#/components/schemas/Serial' }, { required: ['sku'] }] };
    });
    const allOf = changes.filter((c) => c.scope === 'operations' && c.id === `POST ${PULL} responses.${SUCCESS}.data.serials[].allOf`);
    expect(allOf).toHaveLength(1);
    expect(allOf[0]).toMatchObject({ libraryType: 'unclassified', class: 'breaking' });
    expect(allOf[0]!.description).toContain('could not classify');
  });

  test('changes to named components are listed under components, apart from the operations that use them', () => {
    const changes = changesAfter((d) => delete d.components.schemas.Balance.properties.credit);
    expect(changes.some((c) => c.scope === 'components' && c.id.startsWith('components.schemas.Balance'))).toBe(true);
    expect(changes.some((c) => c.scope === 'operations' && c.id === `GET ${BALANCE} responses.200.data.credit`)).toBe(true);
  });
});
