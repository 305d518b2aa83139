import { execFile } from 'node:child_process';
import { DEMO_ACCOUNTS } from './mocks/demo-accounts.ts';
import { createMockServer } from './mocks/server.ts';
import { distinctiveKey, keyRunsIn, startHostile, startSecondOrigin } from './tests/support/hostile-servers.ts';
const KEY = distinctiveKey();
const twin = await createMockServer({ accounts: [...DEMO_ACCOUNTS, { key: KEY, merchantCode: 'DEMO-MERCHANT-A' }] });
const second = await startSecondOrigin();
const mode = process.argv[2];
let first: number | undefined;
const attacks: any = mode === 'transport'
  ? { '/api/order/list': 'stall', '/api/order/detail': 'gzip-bomb', '/api/order/pull-codes': 'big-body', '/api/customer/balance': 'echo-envelope' }
  : { '/api/order/list': 'echo-key', '/api/order/detail': 'ansi', '/api/order/pull-codes': 'redirect-origin', '/api/customer/balance': 'echo-envelope' };
const hostile = await startHostile({ attacks, second, fallback: (r) => { first ??= Date.now(); return twin.fetch(r); } });
const t = Date.now();
execFile('/usr/bin/time', ['-f', '%M', '-o', '/tmp/i8-x/rss', process.execPath, '--import', 'file:///work/i8/node_modules/tsx/dist/loader.mjs', '/work/i8/scripts/verify.ts', '--base-url', hostile.url, '--runs', '1', '--deadline', '1000', '--timeout', '800', '--max-response-bytes', '1048576', '--report', 'junit=/tmp/i8-x/junit.xml'],
  { env: { PATH: process.env.PATH!, WUPEX_API_KEY: KEY }, cwd: '/tmp/i8-x' }, async (e, stdout, stderr) => {
    const { readFileSync } = await import('node:fs');
    console.log('code', e ? (e as any).code : 0, 'ms', Date.now() - t, 'since first', Date.now() - first!, 'rss', readFileSync('/tmp/i8-x/rss', 'utf8').trim());
    console.log(stdout.slice(-3000)); console.log(stderr.slice(-2000));
    console.log('runs', keyRunsIn(stdout + stderr + readFileSync('/tmp/i8-x/junit.xml', 'utf8'), KEY), 'esc', /[\u001b\u0007]/.test(stdout + stderr), 'second', second.received.length);
    await hostile.close(); await second.close(); await twin.close();
  });
