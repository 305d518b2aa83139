// One contract violation seen by the proxy (or replay): which check, which operation, where (a JSON path), expected vs received.
import type { Basis, Outcome } from '../contract/checks/check.ts';
import { describeBasis } from '../contract/report/format.ts';
import { maskSerial, maskSerialsInText } from '../har/mask.ts';

export interface Violation {
  checkId: string;
  operation: string;
  /** "$.data.balance", "body.page", "header.accept-language", "status". */
  where: string;
  expected: string;
  received: string;
  /** The DECISIONS.md rows and guide sources the failed spec element rests on (response checks). */
  basis?: Basis;
}

export const VIOLATION_DEFAULTS = { receivedChars: 80 } as const;

/** Where each response check looks, for checks whose message is not about one JSON path. */
const WHERE: Record<string, string> = {
  'conformance.status-code': 'status',
  'conformance.content-type': 'header.content-type',
  'conformance.response-headers': 'headers',
  'envelope.shape': '$',
  'envelope.error-code': '$.error.code',
  'hygiene.key-not-echoed': 'response',
  'hygiene.no-data-on-rejection': '$.data',
};

/** The value at a JSON pointer ("/data/0/price"), or undefined. */
function at(json: unknown, pointer: string): unknown {
  let node = json;
  for (const part of pointer.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

/** A received value as a short JSON text; serial codes masked, as in recordings. */
export function shown(value: unknown, lastSegment = ''): string {
  if (value === undefined) return '(absent)';
  if (lastSegment === 'serialCode' && typeof value === 'string') return JSON.stringify(maskSerial(value));
  const text = maskSerialsInText(JSON.stringify(value));
  return text.length > VIOLATION_DEFAULTS.receivedChars ? `${text.slice(0, VIOLATION_DEFAULTS.receivedChars)}…` : text;
}

const toJsonPath = (pointer: string) => `$${pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')}`;

/**
 * schema.response-body's detail ("/data/balance must be number; /data must have required property 'credit'") split into
 * one violation per JSON path, with the value received there.
 */
export function schemaViolations(detail: string, json: unknown, base: Omit<Violation, 'where' | 'expected' | 'received'>): Violation[] {
  return detail.split('; ').map((part) => {
    const match = /^(\/\S*|\(root\)) (.*)$/.exec(part);
    const pointer = match && match[1] !== '(root)' ? match[1] : '';
    const expected = match ? match[2] : part;
    return { ...base, where: toJsonPath(pointer), expected, received: shown(at(json, pointer), pointer.split('/').pop()) };
  });
}

/** A failed outcome of any other check: its message is the expected-vs-received text. */
export function outcomeViolation(checkId: string, operation: string, outcome: Extract<Outcome, { kind: 'fail' }>): Violation {
  return { checkId, operation, where: WHERE[checkId] ?? '$', expected: 'see message', received: outcome.message };
}

/** "schema.response-body GET /api/customer/balance $.data.balance: expected must be number, received \"5000.00\"". */
export function violationLine(v: Violation): string {
  const basis = v.basis && (v.basis.decisions.length || v.basis.sources.length) ? ` [${describeBasis({ basis: v.basis })}]` : '';
  if (v.expected === 'see message') return `violation ${v.checkId} ${v.operation} ${v.where}: ${v.received}${basis}`;
  return `violation ${v.checkId} ${v.operation} ${v.where}: expected ${v.expected}, received ${v.received}${basis}`;
}
