// A consumer's plain Node ESM file (node:test): list → order → detail → balance with the kit's client against useWupexTwin.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { createWupexClient } from 'wupex-contract/client';
import { useWupexTwin } from 'wupex-contract/twin';

const twin = useWupexTwin({ hooks: { beforeAll: before, afterEach, afterAll: after } });

test('list, order, detail, balance', async () => {
  const built = createWupexClient({ baseUrl: twin.baseUrl, apiKey: twin.keys[0] });
  assert.ok(built.ok);
  const client = built.value;
  const list = await client.listProducts({ pageSize: 100 });
  assert.ok(list.ok);
  const product = list.value.data.find((p) => p.enabled && p.available > 0);
  const order = await client.pullCodes([{ merchant: twin.merchantCodes[0], sku: product.productCode, quantity: 1 }], { referenceId: 'PACK-1' });
  assert.ok(order.ok, JSON.stringify(order));
  const detail = await client.getOrderDetail(order.value.data.orderName);
  assert.ok(detail.ok);
  assert.equal(detail.value.data.orderData[0].serials.length, 1);
  const balance = await client.getBalance();
  assert.ok(balance.ok);
  assert.equal(balance.value.data.balance, 5000 - order.value.data.totalAmount);
});
