// The in-process fetch (contract mock target, msw) stops reading a body at the 64 KiB cap (issue 17 #16): an endless stream still gets 413.
import { describe, expect, test } from 'vitest';
import { BODY_LIMIT } from '../../../mocks/bounds.ts';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer } from '../../../mocks/server.ts';

describe('web adapter body cap', () => {
  test('a body stream that never ends, without Content-Length, is answered 413 after at most the cap plus one chunk is read', async () => {
    const server = await createMockServer({ seed: 1 });
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    // Endless: buffering it whole (the old arrayBuffer()) never returns and the test times out.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('http://127.0.0.1:4010/api/order/list', {
      method: 'POST',
      headers: { 'x-api-key': DEMO_ACCOUNTS[0]!.key, 'accept-language': 'en-US', 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    const response = await server.fetch(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(BODY_LIMIT + 3 * chunk.byteLength);
    await server.close();
  });
});
