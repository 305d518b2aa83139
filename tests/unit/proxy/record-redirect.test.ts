// An upstream 3xx is recorded like any other exchange (issue 17 #8), while the app still gets the proxy's 502 (never followed).
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createProxy } from '../../../src/proxy/proxy-server.ts';

test('a 302 from the upstream lands in the recording with its status and Location', async () => {
  const upstream = createServer((_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end());
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  const dir = mkdtempSync(join(tmpdir(), 'wupex-record-3xx-'));
  const built = await createProxy({ upstream: `http://127.0.0.1:${(upstream.address() as { port: number }).port}`, log: () => undefined, record: { dir } });
  if (!built.ok) throw new Error(built.error.message);
  const { url } = await built.value.listen(0, '127.0.0.1');
  const response = await fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': 'wupex-demo-key-alpha', 'accept-language': 'en-US' } });
  expect(response.status).toBe(502);
  await built.value.close();
  upstream.close();
  const har = JSON.parse(readFileSync(built.value.recordingPath ?? '', 'utf8')) as { log: { entries: { response: { status: number; headers: { name: string; value: string }[] } }[] } };
  expect(har.log.entries.map((e) => e.response.status)).toEqual([302]);
  expect(har.log.entries[0]?.response.headers).toContainEqual({ name: 'location', value: 'http://169.254.169.254/latest/meta-data' });
});
