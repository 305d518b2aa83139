// A consumer's vitest file: an app that calls the sandbox URL directly is served by the twin through msw, offline.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wupexHandlers } from 'wupex-contract/msw';

const network = setupServer(...wupexHandlers());
beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterAll(() => network.close());

test('a balance from https://sandbox-service.wupex.com', async () => {
  const response = await fetch('https://sandbox-service.wupex.com/api/customer/balance', {
    headers: { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US' },
  });
  expect(await response.json()).toEqual({ status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } });
});
