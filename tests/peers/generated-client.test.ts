// A client generated from the bundled spec by a generator the kit does not use (swagger-typescript-api, default settings) runs the vendor flow against the twin.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateApi } from 'swagger-typescript-api';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../mocks/server.ts';
import { BUNDLED_SPEC_PATHS } from '../../src/spec/spec-bundle.ts';
import { kit, kitCode } from '../support/decided.ts';

// Why swagger-typescript-api: it installs and runs offline on Node 20 (orval 8 and @hey-api/openapi-ts 0.99 need Node 22.18+,
// and engine-strict refuses them). It drops header parameters by default, so Accept-Language and the key go in baseApiParams
// and securityWorker: what any consumer of this generator writes.

interface Answer<T = any> {
  status: number;
  data: T;
}
type Call = (...args: any[]) => Promise<Answer>;
interface GeneratedModule {
  Api: new (config: Record<string, unknown>) => { api: Record<'listProducts' | 'pullCodes' | 'getOrderDetail' | 'getBalance', Call> };
}

let source = '';
let generated: GeneratedModule;
let twin: MockServer;

beforeAll(async () => {
  // Default settings: only where to read the spec and that the result is returned, not written.
  const output = await generateApi({ input: BUNDLED_SPEC_PATHS.json, output: false, silent: true });
  const file = output.files.find((f) => f.fileExtension === '.ts');
  source = file?.fileContent ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'wupex-sta-'));
  writeFileSync(join(dir, 'wupex-api.ts'), source);
  generated = (await import(pathToFileURL(join(dir, 'wupex-api.ts')).href)) as GeneratedModule;
  twin = await createMockServer({ seed: 7 });
}, 30_000);

describe('swagger-typescript-api client from dist/openapi/wupex.bundled.json', () => {
  test('the bundle the test reads is the one npm run build ships', () => {
    expect(JSON.parse(readFileSync(BUNDLED_SPEC_PATHS.json, 'utf8')).openapi).toBe('3.1.0');
  });

  test('the generated types keep every required field required (pull-codes serials keep sku)', () => {
    expect(source).toMatch(/export interface PulledSerial \{[^}]*?\n\s+sku: string;/);
    expect(source).toContain('serials: PulledSerial[];');
  });

  test('list products -> pull codes -> order detail -> balance against the twin', async () => {
    const account = DEMO_ACCOUNTS[0]!;
    const api = new generated.Api({
      baseUrl: 'http://twin.test',
      customFetch: (input: RequestInfo, init?: RequestInit) => twin.fetch(new Request(input, init)),
      baseApiParams: { headers: { 'Accept-Language': 'en-US' } },
      securityWorker: () => ({ headers: { 'x-api-key': account.key } }),
    }).api;

    const products = await api.listProducts({ page: 1, pageSize: 20 });
    expect(products.status).toBe(200);
    expect(products.data.pageInfo.currentPage).toBe(1);
    const product = products.data.data.find((p: any) => p.enabled && (p.available ?? 0) >= 1);
    expect(product?.productCode, 'an enabled product in stock on page 1').toBeTruthy();

    const pulled = await api.pullCodes([{ sku: product.productCode, quantity: 1, merchant: account.merchantCode }], { referenceId: 'gen-client-1' });
    expect(pulled.status).toBe(kit.pullCodes.successStatus);
    const { orderName, serials } = pulled.data.data;
    expect(serials).toHaveLength(1);
    expect(serials[0].sku).toBe(product.productCode);

    const detail = await api.getOrderDetail({ orderName });
    expect(detail.status).toBe(200);
    expect(detail.data.data.orderName).toBe(orderName);

    const balance = await api.getBalance();
    expect(balance.status).toBe(200);
    expect(typeof balance.data.data.balance).toBe('number');
  });

  test('an error answer reaches the caller as the vendor envelope (the generated client throws the response)', async () => {
    const api = new generated.Api({
      baseUrl: 'http://twin.test',
      customFetch: (input: RequestInfo, init?: RequestInit) => twin.fetch(new Request(input, init)),
      baseApiParams: { headers: { 'Accept-Language': 'en-US' } },
    }).api;
    const refused = await api.getBalance().catch((e: { status: number; error: unknown }) => e);
    expect(refused.status).toBe(401);
    expect((refused as any).error).toMatchObject({ status: false, error: { code: kitCode(401) } });
  });
});
