// The contract checks read their expectations from the decisions (issue 16): a twin on another profile passes when the
// checks are given that profile, and fails, naming the decided row, when they expect the kit's own decisions.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../../mocks/server.ts';
import { runCatalogue } from '../../../../src/contract/run-catalogue.ts';
import { fetchTarget } from '../../../../src/contract/targets/mock-target.ts';
import { verify } from '../../../../src/contract/verify/verify.ts';
import { checkDecisions, DECISIONS_PATH, type Decisions, type LoadedDecisions } from '../../../../src/spec/decisions.ts';
import { readSpecFile } from '../../../../src/spec/spec.ts';
import { flipped, kit, kitCopy, refusalOtherThan } from '../../../support/decided.ts';

const [alpha, bravo] = DEMO_ACCOUNTS;

/**
 * Another server's choices: the kit's decisions with six entries taken the other way (flipped(): another status or code
 * for a wrong Content-Type, for another account's order and for out of stock; clamp <-> reject paging; the other repeat
 * handling; fallback <-> reject for an unsupported language). Today: 415, 403 FORBIDDEN_ORDER, clamp, 409 on a repeat,
 * en-US fallback, 422 OUT_OF_STOCK.
 */
function alternative(): LoadedDecisions {
  const other = flipped();
  const d = kitCopy();
  d.contentType = other.contentType;
  d.otherAccountOrder = other.otherAccountOrder;
  d.paging.outOfRange = other.paging.outOfRange;
  d.repeatedReferenceId = other.repeatedReferenceId;
  d.acceptLanguage.unsupported = other.acceptLanguage.unsupported;
  d.pullCodes.outOfStock = other.pullCodes.outOfStock;
  const checked = checkDecisions(d);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

const refusal = (r: { status: number; code: string }) => `${r.status} ${r.code}`;
/** `HTTP <what the alternative answered>.*<what the kit decides>`: the failure names both. */
const answeredInstead = (alt: { status: number; code: string }, decided: { status: number; code: string }) => `HTTP ${refusal(alt)}.*${refusal(decided)}`;

/** What semantics.order-round-trip says when a server handles a repeated referenceId otherwise than the kit. */
function repeatFailure(): RegExp {
  switch (kit.repeatedReferenceId.action) {
    case 'replay':
      return /semantics\.order-round-trip: .*answered HTTP 409 without an order/;
    case 'reject':
      return /semantics\.order-round-trip: .*repeating referenceId \S+ was accepted \(HTTP 2\d\d\)/;
    case 'new-order':
      return /semantics\.order-round-trip: .*repeatedReferenceId: new-order\) expect a second order, charged again/;
  }
}

/** The checks whose expectations are decided rows (active ones only: the pure spec checks judge wupex.yaml itself). */
const DECIDED = ['negative.wrong-content-type', 'isolation.other-account', 'negative.schema-violation', 'semantics.order-round-trip', 'headers.unsupported-accept-language', 'semantics.decided-refusals'];

describe('contract checks follow the decisions', () => {
  const profile = alternative();
  let twin: MockServer;
  beforeAll(async () => {
    twin = await createMockServer({ decisions: profile });
  });
  afterAll(() => twin.close());
  const target = () => fetchTarget({ server: twin, apiKey: alpha!.key, merchantCode: alpha!.merchantCode });

  test('given the same profile, every decided check passes (none fails, none skips for lack of a 2xx control)', async () => {
    const report = await runCatalogue({ target: target(), only: DECIDED, runs: 2, secondKey: bravo!.key, decisions: profile });
    expect(report.lines.flatMap((l) => l.findings.map((f) => `${f.checkId}: ${f.message}`))).toEqual([]);
    const passed = new Set(report.lines.filter((l) => l.status === 'PASS').map((l) => l.checkId));
    expect(passed).toEqual(new Set(DECIDED));
    // Every decided pullCodes refusal was exercised on the twin (it lists an out-of-stock and a disabled product).
    expect(report.lines.filter((l) => l.checkId === 'semantics.decided-refusals').map((l) => l.status)).toEqual(['PASS']);
  });

  test("expecting the kit's decisions instead, each differing row fails with the decided value named", async () => {
    const report = await runCatalogue({ target: target(), only: DECIDED, runs: 2, secondKey: bravo!.key });
    const failures = report.lines.flatMap((l) => l.findings.map((f) => `${f.checkId}: ${f.message}`)).join('\n');
    const over = `body\\.pageSize = ${kit.paging.pageSize.max + 1}\\)`;
    expect(failures).toMatch(new RegExp(`negative\\.wrong-content-type: .*${answeredInstead(profile.contentType, kit.contentType)}`));
    expect(failures).toMatch(new RegExp(`isolation\\.other-account: .*${answeredInstead(profile.otherAccountOrder, kit.otherAccountOrder)}`));
    // The kit refuses a page size out of range and the alternative clamps it, or the other way round.
    expect(failures).toMatch(new RegExp(`negative\\.schema-violation: .*${over} ${kit.paging.outOfRange.action === 'reject' ? 'was accepted' : 'was refused \\(HTTP 400 '}`));
    expect(failures).toMatch(repeatFailure());
    expect(failures).toMatch(new RegExp(`headers\\.unsupported-accept-language: .*fr-FR ${kit.acceptLanguage.unsupported.action === 'reject' ? 'was accepted' : 'was refused \\(HTTP 400 '}`));
    expect(failures).toMatch(new RegExp(`semantics\\.decided-refusals: .*out-of-stock product \\(pullCodes\\.outOfStock\\).*${answeredInstead(profile.pullCodes.outOfStock, kit.pullCodes.outOfStock)}`));
  });

  test('each decided pullCodes refusal is exercised: expecting other values for all four, all four fail', async () => {
    const d = kitCopy();
    d.pullCodes.outOfStock = refusalOtherThan(kit.pullCodes.outOfStock, [{ status: 422, code: 'OUT_OF_STOCK' }, { status: 409, code: 'INSUFFICIENT_STOCK' }]);
    d.pullCodes.disabledProduct = refusalOtherThan(kit.pullCodes.disabledProduct, [{ status: 422, code: 'DISABLED' }, { status: 409, code: 'PRODUCT_DISABLED' }]);
    d.pullCodes.unknownSku = refusalOtherThan(kit.pullCodes.unknownSku, [{ status: 422, code: 'UNKNOWN_SKU' }, { status: 404, code: 'NOT_FOUND' }]);
    d.orderLimits.otherMerchant = refusalOtherThan(kit.orderLimits.otherMerchant, [{ status: 422, code: 'OTHER_MERCHANT' }, { status: 403, code: 'FORBIDDEN' }]);
    const expecting = checkDecisions(d);
    if (!expecting.ok) throw new Error(expecting.error.message);
    const kitTwin = await createMockServer();
    try {
      const report = await runCatalogue({ target: fetchTarget({ server: kitTwin, apiKey: alpha!.key, merchantCode: alpha!.merchantCode }), only: ['semantics.decided-refusals'], decisions: expecting.value });
      const entries = report.lines.flatMap((l) => l.findings.map((f) => /\((pullCodes\.\w+|orderLimits\.\w+)\)/.exec(f.message)?.[1]));
      expect(entries.sort()).toEqual(['orderLimits.otherMerchant', 'pullCodes.disabledProduct', 'pullCodes.outOfStock', 'pullCodes.unknownSku']);
    } finally {
      await kitTwin.close();
    }
  });

  test('the code of a status is data too (#23, D4): a twin whose 401 and 400 codes differ is answered and judged by codesByStatus', async () => {
    const d = structuredClone(readSpecFile(DECISIONS_PATH)) as Decisions;
    const kit401 = d.codesByStatus['401']!;
    const kit400 = d.codesByStatus['400']!;
    const own401 = ['INVALID_API_KEY', 'UNAUTHORIZED'].find((c) => c !== kit401)!;
    const own400 = ['BAD_REQUEST', 'INVALID_PAYLOAD'].find((c) => c !== kit400)!;
    d.codesByStatus['401'] = own401;
    d.codesByStatus['400'] = own400;
    const other = checkDecisions(d);
    if (!other.ok) throw new Error(other.error.message);
    const twinOther = await createMockServer({ decisions: other.value });
    try {
      const target = fetchTarget({ server: twinOther, apiKey: alpha!.key, merchantCode: alpha!.merchantCode });
      const checks = ['auth.missing-key', 'negative.malformed-json'];
      const held = await runCatalogue({ target, only: checks, runs: 1, decisions: other.value });
      expect(held.findings.map((f) => f.message)).toEqual([]);
      const kit = await runCatalogue({ target, only: checks, runs: 1 });
      const failures = kit.findings.map((f) => `${f.checkId}: ${f.message}`).join('\n');
      expect(failures).toMatch(new RegExp(`auth\\.missing-key: .*HTTP 401 ${own401}.*401 ${kit401}`));
      expect(failures).toMatch(new RegExp(`negative\\.malformed-json: .*HTTP 400 ${own400}.*400 ${kit400}`));
    } finally {
      await twinOther.close();
    }
  });

  test('verify({ decisions }) starts the in-process twin on the same profile and holds it to it', async () => {
    const result = await verify({ decisions: profile, only: DECIDED, runs: 2, env: {} });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.report.findings.map((f) => f.message)).toEqual([]);
    expect(result.value.exitCode).toBe(0);
  });

  test('verify({ decisions: FILE }) with an invalid entry refuses before sending, naming it', async () => {
    const result = await verify({ decisions: { ...structuredClone(profile), retryAfter: { send: 'yes' } } as never, env: {} });
    expect(!result.ok && result.error.message).toContain('retryAfter.send: received "yes"; allowed: true, false');
  });
});
