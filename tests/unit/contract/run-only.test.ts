// --check ID narrows the run itself: only the named checks (and the traffic a pure check needs) send requests, and the
// report names the checks that ran.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { runCatalogue } from '../../../src/contract/run-catalogue.ts';
import { fetchTarget } from '../../../src/contract/targets/mock-target.ts';

const [alpha] = DEMO_ACCOUNTS;

describe('runCatalogue with only', () => {
  let twin: MockServer;
  beforeAll(async () => {
    twin = await createMockServer();
  });
  afterAll(() => twin.close());
  const counting = () => {
    const sent: string[] = [];
    const placed: string[] = [];
    const fetch = async (r: Request) => {
      const line = `${r.method} ${new URL(r.url).pathname}`;
      sent.push(line);
      const response = await twin.fetch(r);
      if (r.method === 'POST' && line.includes('/api/order') && response.ok) placed.push(line);
      return response;
    };
    const target = fetchTarget({ server: { fetch }, apiKey: alpha!.key, merchantCode: alpha!.merchantCode });
    return { sent, placed, target };
  };

  test('only auth.missing-key sends one keyless request per operation and places no order', async () => {
    const { sent, placed, target } = counting();
    const report = await runCatalogue({ target, only: ['auth.missing-key'], runs: 1 });
    expect(report.ran).toEqual({ reported: ['auth.missing-key'], traffic: [] });
    expect(new Set(report.lines.map((l) => l.checkId))).toEqual(new Set(['auth.missing-key']));
    // Keyless probes (and their controls) only: a dozen requests, not the whole catalogue's ~240.
    expect(sent.length).toBeLessThan(20);
    // Only the keyed controls of the order operations reach the order book (5 orders before the fix).
    expect(placed.length).toBeLessThanOrEqual(3);
  });

  test('a pure check alone runs positive.valid-request for its traffic, unreported', async () => {
    const { sent, target } = counting();
    const report = await runCatalogue({ target, only: ['envelope.shape'], runs: 1 });
    expect(report.ran).toEqual({ reported: ['envelope.shape'], traffic: ['positive.valid-request'] });
    expect(new Set(report.lines.map((l) => l.checkId))).toEqual(new Set(['envelope.shape']));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(60);
  });

  test('without only, every check runs', async () => {
    const { target } = counting();
    const report = await runCatalogue({ target, runs: 1 });
    expect(report.ran?.traffic).toEqual([]);
    expect(report.ran?.reported.length).toBeGreaterThan(15);
  });
});
