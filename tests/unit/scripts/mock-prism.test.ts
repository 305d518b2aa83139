// npm run mock:prism on a taken port: one kit line (PORT_UNAVAILABLE) and exit 2, as npm run mock says it; never Prism's help.
// (That it leaves with its npm is tests/pack/mock-prism-parent.test.ts: npm, tsx and Prism cost seconds, outside npm test.)
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { runScript } from '../../support/run-script.ts';

test('a port in use: exit 2 and one PORT_UNAVAILABLE line with what to do', async () => {
  const taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  const { port } = taken.address() as AddressInfo;
  try {
    const run = await runScript('mock-prism', ['--port', String(port)], {});
    expect(run.stderr).toBe(`[wupex-kit] PORT_UNAVAILABLE: Cannot listen on 127.0.0.1:${port} (EADDRINUSE).\n  Pick another with --port N, or stop what uses it.\n`);
    expect(run.code).toBe(2);
  } finally {
    taken.close();
  }
});
