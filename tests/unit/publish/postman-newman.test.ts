// Newman runs the Postman contract suite: 0 failures against the twin with every declared assertion counted; servers that break the contract fail it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { createReporter } from '../../../src/cli/flags.ts';
import { newmanPassed, runNewman, type NewmanOutcome } from '../../../src/publish/newman-run.ts';
import { postmanCommand } from '../../../src/publish/postman-command.ts';
import { buildPostmanEnvironments, buildPostmanSuite, expectedAssertions, POSTMAN_SUITE } from '../../../src/publish/postman-suite.ts';
import { loadSpec } from '../../../src/spec/spec.ts';
import { BROKEN_SERVERS } from '../../support/broken-servers.ts';
import { serveFetch } from '../../support/serve-fetch.ts';
import { kit, kitCode } from '../../support/decided.ts';

const doc = loadSpec();
const collection = buildPostmanSuite(doc);
const account = DEMO_ACCOUNTS[0]!;
/** What the kit answers a request without Accept-Language: its refusal's status, or 200 when it falls back. */
const MISSING_LANGUAGE = kit.acceptLanguage.missing.action === 'reject' ? kit.acceptLanguage.missing.status : 200;
let twin: MockServer;

beforeAll(async () => {
  twin = await createMockServer({ seed: 3 });
});
afterAll(() => twin.close());

/** Serve the twin's fetch (optionally broken) on a loopback port and run the suite against it. */
async function runAgainst(wrap: (f: MockServer['fetch']) => MockServer['fetch'] = (f) => f, folders?: readonly string[]): Promise<NewmanOutcome> {
  twin.reset();
  const served = await serveFetch(wrap((request) => twin.fetch(request)));
  try {
    return await runNewman({ collection, environment: buildPostmanEnvironments(doc).twin, values: { baseUrl: served.url, apiKey: account.key, merchantCode: account.merchantCode }, folders });
  } finally {
    await served.close();
  }
}

describe('the Postman suite under Newman', () => {
  test('npm run postman -- --run: against a twin of its own, every request answered, every declared assertion counted, none failed', async () => {
    let out = '';
    const reporter = createReporter({ secrets: [], out: (t) => (out += t), err: (t) => (out += t), tty: false });
    expect(await postmanCommand(['--run'], reporter)).toBe(0);
    const count = /Newman against the twin \(http:\/\/127\.0\.0\.1:\d+\): 10 requests, (\d+) assertions \((\d+) declared\), 0 failed, 0 script errors\./.exec(out);
    expect(count, out).not.toBeNull();
    expect(Number(count![1])).toBe(expectedAssertions(collection));
    expect(Number(count![2])).toBeGreaterThanOrEqual(40);
    expect(out).not.toContain('FAIL');
    expect(await postmanCommand(['--run', '--target', 'staging'], reporter)).toBe(2);
    expect(out).toContain('--target staging is not known.');
  });

  test('the read-only folders alone (the sandbox run without --allow-orders) pass and count only their own assertions', async () => {
    const outcome = await runAgainst(undefined, POSTMAN_SUITE.readOnlyFolders);
    expect(outcome.requests).toBe(8);
    expect(outcome.assertions).toEqual({ total: expectedAssertions(collection, POSTMAN_SUITE.readOnlyFolders), failed: 0 });
  });

  // Each broken server keeps the rest of the contract, so the failure must name the one property it breaks.
  test.each([
    ['drops-required-field', 'Read the balance: body matches the spec schema for 200'],
    ['accepts-any-key', 'Wrong key: 401: status 401 (documented)'],
    // Refused where the kit falls back, accepted where it refuses: the request named for the kit's answer fails.
    ['missing-accept-language-flipped', `No Accept-Language: ${MISSING_LANGUAGE}: status ${MISSING_LANGUAGE} (documented)`],
    ['wrong-error-code', `No key: 401: error envelope: status false, error.code ${kitCode(401)}, a message, no data`],
  ])('against a server that %s, the run fails naming it', async (name, failure) => {
    const outcome = await runAgainst(BROKEN_SERVERS[name]!.wrap);
    expect(newmanPassed(outcome)).toBe(false);
    expect(outcome.failures.map((f) => f.split(': expected')[0]!.replace(/: AssertionError.*$/, ''))).toContain(failure);
  });
});

