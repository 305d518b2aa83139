// `npm run proxy` as a user runs it (in front of a plain loopback server): listens, passes an answer through, and on SIGINT prints the summary and exits 0.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { spawnProxy } from '../../support/spawn-proxy.ts';

const dir = mkdtempSync(join(tmpdir(), 'i10-cli-'));
// A plain upstream that answers like the sandbox (starting the twin as well would double the start-up this test waits for).
const upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"data":{"balance":5000,"credit":0,"creditBalance":5000}}'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  upstream.close();
});

test('npm run proxy -- --upstream URL --port 0 --record DIR: one request, then SIGINT prints the summary', async () => {
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
  const { child, url, stdout, stderr } = await spawnProxy(['--upstream', upstreamUrl, '--port', '0', '--record', dir]);
  const response = await fetch(`${url}/api/customer/balance`, { headers: { 'x-api-key': DEMO_ACCOUNTS[0].key, 'accept-language': 'en-US' } });
  expect(response.headers.get('x-wupex-violations')).toBe('0');
  expect(((await response.json()) as { status: boolean }).status).toBe(true);
  const code = await new Promise<number | null>((done) => {
    child.once('exit', (c) => done(c));
    child.kill('SIGINT');
  });
  expect(code).toBe(0);
  const [file] = readdirSync(dir);
  expect(stdout()).toContain('Requests: 1\n      1  GET /api/customer/balance\nViolations: 0\n');
  expect(stdout()).toContain(`Recording: ${join(dir, file)}`);
  expect(stderr()).toMatch(/GET \/api\/customer\/balance 200 [\d.]+ms key#[0-9a-f]{6} violations 0/);
  expect(stdout() + stderr()).not.toContain(DEMO_ACCOUNTS[0].key);
});

test('--host 0.0.0.0 warns that the proxy is reachable from other machines and prints a loopback URL the kit accepts (issue 17 #5)', async () => {
  if (!upstream.listening) await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
  const { child, url, stdout, stderr } = await spawnProxy(['--upstream', upstreamUrl, '--port', '0', '--host', '0.0.0.0']);
  // The warning and the WUPEX_BASE_URL line follow the listening line: wait for the last of them before stopping it.
  while (!stdout().includes('WUPEX_BASE_URL=')) await new Promise((done) => setTimeout(done, 20));
  child.kill('SIGINT');
  await new Promise((done) => child.once('exit', done));
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(stderr()).toContain('(bound to 0.0.0.0)');
  expect(stderr()).toContain('Warning: 0.0.0.0 is not loopback');
  expect(stdout()).toContain(`WUPEX_BASE_URL=${url}`);
});
