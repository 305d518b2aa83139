// openapi/decisions.yaml and openapi/wupex.yaml must agree (issue 16): a change to one without the other fails here, naming both sides.
import { describe, expect, test } from 'vitest';
import { PAGING_DEFAULTS } from '../../../mocks/paging.ts';
import { checkDecisions, DECISIONS_PATH, loadDecisions, type Decisions } from '../../../src/spec/decisions.ts';
import { decisionsVersusSpec } from '../../../src/spec/decisions-vs-spec.ts';
import { loadSpec, readSpecFile } from '../../../src/spec/spec.ts';
import { otherSuccessStatus } from '../../support/decided.ts';

const spec = loadSpec();
const loaded = loadDecisions();
if (!loaded.ok) throw new Error(loaded.error.message);
const decisions = loaded.value;
/** A language list unlike the kit's (and so unlike the spec's enum): its first tag alone, or one more tag. */
const otherLanguages = decisions.acceptLanguage.accepted.length > 1 ? [decisions.acceptLanguage.accepted[0]!] : [...decisions.acceptLanguage.accepted, 'fr-FR'];

/** The kit's decisions with one edit, checked as the twin would. */
function edited(edit: (d: Decisions) => void) {
  const d = structuredClone(readSpecFile(DECISIONS_PATH)) as Decisions;
  edit(d);
  const checked = checkDecisions(d);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

describe('decisions.yaml against wupex.yaml', () => {
  test('they agree', () => {
    expect(decisionsVersusSpec(spec, decisions)).toEqual([]);
  });

  test("the twin's paging defaults are the decided ones", () => {
    expect(PAGING_DEFAULTS).toEqual({ page: decisions.paging.page.default, pageSize: decisions.paging.pageSize.default });
  });

  test.each<[string, (d: Decisions) => void, string]>([
    [`a ${otherSuccessStatus(decisions)} success the spec does not document`, (d) => { d.pullCodes.successStatus = otherSuccessStatus(decisions); }, `pullCodes.successStatus is ${otherSuccessStatus(decisions)} but pullCodes documents ${decisions.pullCodes.successStatus} success status.`],
    ['a code outside ErrorCode', (d) => { d.otherAccountOrder = { status: 403, code: 'FORBIDDEN_ORDER' }; }, "otherAccountOrder.code FORBIDDEN_ORDER is not in the spec's ErrorCode enum"],
    ['a status the operation does not document', (d) => { d.contentType = { status: 415, code: 'INVALID_PAYLOAD' }; }, 'contentType: INVALID_PAYLOAD is 415 here but 400 in ErrorCode.x-status-codes.'],
    ['a paging limit', (d) => { d.paging.pageSize.max = 50; }, 'paging.pageSize.max is 50 but PageSize.maximum is 100.'],
    ['an order limit', (d) => { d.orderLimits.maxLines = 20; }, 'orderLimits.maxLines is 20 but PullCodesRequest.maxItems is 50.'],
    ['a language list', (d) => { d.acceptLanguage.accepted = otherLanguages; }, `acceptLanguage.accepted is ${otherLanguages.join(', ')} but the Accept-Language enum is ${decisions.acceptLanguage.accepted.join(', ')}.`],
    ['a code per status', (d) => { d.codesByStatus['404'] = 'MISSING'; }, "codesByStatus.404.code MISSING is not in the spec's ErrorCode enum"],
    // Whichever the kit decides, the other choice is reported.
    decisions.retryAfter.send
      ? ['Retry-After declared though not sent', (d) => { d.retryAfter = { send: false }; }, 'retryAfter.send is false but the TooManyRequests response declares a Retry-After header']
      : ['Retry-After sent though not declared', (d) => { d.retryAfter = { send: true }; }, 'retryAfter.send is true but the TooManyRequests response declares no Retry-After header.'],
  ])('a difference is reported: %s', (_name, edit, sentence) => {
    expect(decisionsVersusSpec(spec, edited(edit)).join('\n')).toContain(sentence);
  });
});
