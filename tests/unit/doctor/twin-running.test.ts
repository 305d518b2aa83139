// Doctor check `twin`: a real twin on port 0 is recognised; other answers and closed ports are explained.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { twinRunning, twinTarget } from '../../../src/doctor/twin-running.ts';
import { outboundFetch } from '../../../src/http/outbound-fetch.ts';
import { freePort } from '../../../src/process/prism-cli.ts';
import { answering, testContext } from './fixtures.ts';

/** The outbound path, as createDoctorContext wires it. */
const realFetch = outboundFetch({});

describe('twin', () => {
  let twin: MockServer;
  let url: string;
  beforeAll(async () => {
    twin = await createMockServer();
    ({ url } = await twin.listen(0, '127.0.0.1'));
  });
  afterAll(() => twin.close());

  test('a running twin at WUPEX_BASE_URL is ok, with its accounts and products', async () => {
    const result = await twinRunning.run(testContext({ env: { WUPEX_BASE_URL: url }, fetch: realFetch }));
    expect(result.status).toBe('ok');
    expect(result.what).toMatch(new RegExp(`^the twin is running at ${url} \\(2 accounts, \\d+ products\\)$`));
  });

  test('nothing listening where the client would go is a warning with the command to start it', async () => {
    const port = await freePort();
    const result = await twinRunning.run(testContext({ env: { WUPEX_BASE_URL: `http://127.0.0.1:${port}` }, fetch: realFetch }));
    expect(result).toEqual({
      status: 'warn',
      what: `no twin at http://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}); npm run example and the client default to it`,
      fix: 'Start it in another terminal: npm run mock',
    });
  });

  test('a server that is not the twin is named as such', async () => {
    const result = await twinRunning.run(testContext({ fetch: answering(404, { message: 'nope' }) }));
    expect(result).toMatchObject({ status: 'warn', what: 'something answers at http://127.0.0.1:4010 but it is not the twin (GET /__mock/state: HTTP 404)' });
  });

  test('no twin is fine when WUPEX_BASE_URL points at the sandbox', async () => {
    const refused = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4010') });
    };
    const result = await twinRunning.run(testContext({ env: { WUPEX_BASE_URL: 'https://sandbox-service.wupex.com' }, fetch: refused }));
    expect(result).toEqual({ status: 'ok', what: 'no twin at http://127.0.0.1:4010 (connect ECONNREFUSED 127.0.0.1:4010); not needed, WUPEX_BASE_URL points elsewhere' });
  });

  test('twinTarget follows a loopback WUPEX_BASE_URL', () => {
    expect(twinTarget({ WUPEX_BASE_URL: 'http://localhost:5000/' })).toEqual({ url: 'http://localhost:5000', inUse: true });
    expect(twinTarget({})).toEqual({ url: 'http://127.0.0.1:4010', inUse: true });
  });
});
