// npm run mock -- --catalogue PATH.har: recorded listProducts answers become the catalogue; a product failing the schema is skipped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadRecordedCatalogue } from '../../../mocks/catalogue-har.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import type { ProductRecord } from '../../../mocks/store.ts';
import productsFixture from '../../../mocks/fixtures/products.json' with { type: 'json' };
import type { Har } from '../../../src/har/har.ts';
import { loadSpec } from '../../../src/spec/spec.ts';

const REFERENCE = resolve(import.meta.dirname, '../../recordings/twin-reference.har');
const dir = mkdtempSync(join(tmpdir(), 'i10-catalogue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = productsFixture as ProductRecord[];
const doc = loadSpec();

/** The recording's getBalance answers (at least one). */
function balanceAnswers(har: Har) {
  const answers = har.log.entries.filter((e) => e.request.url.endsWith('/balance') && e.response.status === 200);
  expect(answers.length).toBeGreaterThan(0);
  return answers;
}

/**
 * The reference recording with three products of its first listProducts answer edited wherever they are listed (a page
 * out of range may be clamped and list them again, DECISIONS #7): a broken price, a different stock, no image; and another balance.
 */
function edited(): string {
  const har = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Har;
  const lists = har.log.entries.filter((e) => e.request.url.endsWith('/invited/list') && e.response.status === 200);
  const [first, second, third] = (JSON.parse(lists[0]!.response.content.text) as { data: { productCode: string }[] }).data.map((p) => p.productCode);
  for (const entry of lists) {
    const body = JSON.parse(entry.response.content.text) as { data: Record<string, unknown>[] };
    for (const product of body.data) {
      if (product.productCode === first) product.price = 'ten';
      if (product.productCode === second) product.available = 7;
      if (product.productCode === third) delete product.imageUrl;
    }
    entry.response.content.text = JSON.stringify(body);
  }
  // Every balance answer (a missing Accept-Language may be answered too, DECISIONS #20): the last one is taken.
  for (const balance of balanceAnswers(har)) balance.response.content.text = JSON.stringify({ status: true, data: { balance: 1234.5, credit: 100, creditBalance: 1334.5 } });
  const file = join(dir, 'edited.har');
  writeFileSync(file, JSON.stringify(har));
  return file;
}

test('products, stock and balance come from the recording; an invalid product is reported and skipped', async () => {
  const loaded = loadRecordedCatalogue(edited(), doc, fixtures);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const { products, skipped, balance } = loaded.value;
  expect(skipped).toHaveLength(1);
  expect(skipped[0]).toMatch(/^product "[A-Z0-9-]+" skipped: \/price must be number$/);
  expect(products.some((p) => skipped[0].includes(`"${p.productCode}"`))).toBe(false);
  const recorded = (JSON.parse(readFileSync(REFERENCE, 'utf8')) as Har).log.entries.filter((e) => e.request.url.endsWith('/invited/list') && e.response.status === 200);
  const codes = new Set(recorded.flatMap((e) => (JSON.parse(e.response.content.text) as { data: { productCode: string }[] }).data.map((p) => p.productCode)));
  expect(products.length).toBe(codes.size - 1);
  const [, second, third] = JSON.parse(recorded[0].response.content.text).data;
  expect(products.find((p) => p.productCode === second.productCode)?.available).toBe(7);
  expect(products.find((p) => p.productCode === third.productCode)?.imageUrl).toBe(fixtures.find((f) => f.productCode === third.productCode)?.imageUrl);
  expect(balance).toEqual({ balance: 1234.5, credit: 100 });

  const twin: MockServer = await createMockServer({ products, balance });
  const headers = { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US', 'content-type': 'application/json' };
  const list = await twin.fetch(new Request('http://twin/api/product/merchant/invited/list', { method: 'POST', headers, body: '{"page":1,"pageSize":100}' }));
  const listed = (await list.json()) as { data: { productCode: string }[] };
  expect(listed.data.map((p) => p.productCode).sort()).toEqual(products.map((p) => p.productCode).sort());
  const money = await twin.fetch(new Request('http://twin/api/customer/balance', { headers }));
  expect(await money.json()).toMatchObject({ data: { balance: 1234.5, credit: 100 } });
});

test('a recording without any listProducts answer is an error that says what to record', () => {
  const har = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Har;
  har.log.entries = har.log.entries.filter((e) => !e.request.url.endsWith('/invited/list'));
  const file = join(dir, 'no-products.har');
  writeFileSync(file, JSON.stringify(har));
  const loaded = loadRecordedCatalogue(file, doc, fixtures);
  expect(loaded.ok ? undefined : loaded.error.code).toBe('CATALOGUE_EMPTY');
});

test('money out of bounds in a recording (issue 17 #17): a price of 1e308 is skipped, a balance of 1e308 is not taken', () => {
  const har = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Har;
  const products = har.log.entries.find((e) => e.request.url.endsWith('/invited/list') && e.response.status === 200)!;
  const body = JSON.parse(products.response.content.text);
  body.data[0].price = 1e308;
  products.response.content.text = JSON.stringify(body);
  for (const balance of balanceAnswers(har)) balance.response.content.text = JSON.stringify({ status: true, data: { balance: 1e308, credit: 0, creditBalance: 1e308 } });
  const file = join(dir, 'huge.har');
  writeFileSync(file, JSON.stringify(har));
  const loaded = loadRecordedCatalogue(file, doc, fixtures);
  if (!loaded.ok) throw new Error(loaded.error.message);
  expect(loaded.value.skipped.join('\n')).toMatch(new RegExp(`${body.data[0].productCode}.*price`));
  expect(loaded.value.products.some((p) => p.price > 1e12)).toBe(false);
  expect(loaded.value.balance).toBeUndefined();
});
