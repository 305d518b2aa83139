// The twin's admin surface, outside the WUPEX paths and absent from the spec: POST /__mock/reset, GET /__mock/state.
import { MOCK_PREFIX, type MockResponse } from './errors.ts';
import type { MockStore } from './store.ts';

export const ADMIN_PREFIX = '/__mock/';

/** Reset restores the fixtures; state summarises each account by key fingerprint, never the key. */
export function handleAdmin(method: string, path: string, store: MockStore, onReset: () => void): MockResponse {
  if (method === 'POST' && path === '/__mock/reset') {
    store.reset();
    onReset();
    return { status: 200, headers: {}, body: { status: true, data: { reset: true } } };
  }
  if (method === 'GET' && path === '/__mock/state') {
    const products = store.products();
    return {
      status: 200,
      headers: {},
      body: {
        status: true,
        data: {
          accounts: store.summary(),
          products: { count: products.length, enabled: products.filter((p) => p.enabled).length, inStock: products.filter((p) => p.available > 0).length },
        },
      },
    };
  }
  return {
    status: 404,
    headers: {},
    body: { status: false, error: { code: 'NOT_FOUND', message: `${MOCK_PREFIX} UNKNOWN_ADMIN_ROUTE: ${method} ${path}; use POST /__mock/reset or GET /__mock/state.` } },
  };
}
