// The strict loader of openapi/decisions.yaml (issue 16): every decided behaviour as a checked, frozen value, or an error naming the entry.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { loadVendored } from './vendor.ts';

/** js-yaml (the kit's vendored copy, as loadSpec uses) with its default safe schema: plain data, no custom tags. */
const jsYaml = loadVendored('js-yaml').require('js-yaml') as { load(text: string, options: { filename?: string }): unknown };

/** Where the kit's decisions live. */
export const DECISIONS_PATH = resolve(PACKAGE_ROOT, 'openapi/decisions.yaml');

/**
 * The largest decisions file read (64 KiB; today's is ~3 KiB). A bigger file is refused before it is read
 * (DECISIONS_TOO_LARGE), so a wrong path (a HAR, a log) costs no parse. YAML is parsed with js-yaml's default
 * schema (no custom tags, no code); its anchors/aliases are bounded by the file size and a duplicate key is an error.
 */
export const DECISIONS_MAX_BYTES = 64 * 1024;

/** The largest int32: the spec's page and pageSize are int32, so a number past it is a wrong type, never a range (#7). */
export const INT32_MAX = 2_147_483_647;

/** A status and the error code sent with it. */
export interface Refusal {
  status: number;
  code: string;
}

export type Rejecting = { action: 'reject' } & Refusal;

export interface Decisions {
  paging: {
    page: { min: number; default: number };
    pageSize: { min: number; max: number; default: number };
    outOfRange: Rejecting | { action: 'clamp' };
  };
  repeatedReferenceId: { action: 'replay' } | Rejecting | { action: 'new-order' };
  orderLimits: { maxLines: number; maxQuantity: number; otherMerchant: Refusal };
  pullCodes: { successStatus: 200 | 201; outOfStock: Refusal; lowBalance: Refusal; disabledProduct: Refusal; unknownSku: Refusal };
  otherAccountOrder: Refusal;
  acceptLanguage: { accepted: string[]; missing: Rejecting | { action: 'fallback'; to: string }; unsupported: Rejecting | { action: 'fallback'; to: string } };
  contentType: Refusal;
  retryAfter: { send: boolean };
  codesByStatus: Record<string, string>;
  messagesNameField: boolean;
}

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };
export type LoadedDecisions = DeepReadonly<Decisions>;

/** A failed check: where in the file, what was received, what is allowed. */
class Invalid extends Error {
  constructor(readonly where: string, readonly received: unknown, readonly allowed: string) {
    super(`${where}: received ${show(received)}; allowed: ${allowed}`);
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing (the entry is missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}... (${text.length} characters)` : text;
}

type Check<T> = (value: unknown, where: string) => T;

/** `a.b` below `a`; the root is ''. */
const at = (where: string, key: string): string => (where === '' ? key : `${where}.${key}`);

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

const integer = (min: number, max: number): Check<number> => (value, where) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new Invalid(where, value, `an integer from ${min} to ${max}`);
  return value;
};
const status = integer(100, 599);
const code: Check<string> = (value, where) => {
  if (typeof value !== 'string' || value.length > 64 || !CODE.test(value)) throw new Invalid(where, value, 'a SCREAMING_SNAKE error code, e.g. NOT_FOUND (at most 64 characters)');
  return value;
};
const bool: Check<boolean> = (value, where) => {
  if (typeof value !== 'boolean') throw new Invalid(where, value, 'true, false');
  return value;
};
const oneOf = <T extends string | number>(...allowed: T[]): Check<T> => (value, where) => {
  if (!allowed.includes(value as T)) throw new Invalid(where, value, allowed.join(', '));
  return value as T;
};
const tag: Check<string> = (value, where) => {
  if (typeof value !== 'string' || !/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) throw new Invalid(where, value, 'a language tag such as en-US');
  return value;
};

/** An object with exactly these keys (all required). */
function record<T>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (value, where) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(where || '(the file)', value, `an object with ${Object.keys(fields).join(', ')}`);
    const given = value as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (!(key in fields)) throw new Invalid(at(where, key), given[key], `no such entry; the entries here are ${Object.keys(fields).join(', ')}`);
    }
    const out = {} as T;
    for (const [key, check] of Object.entries(fields) as Array<[keyof T & string, Check<unknown>]>) out[key] = check(given[key], at(where, key)) as T[keyof T & string];
    return out;
  };
}

/** An object whose `action` picks its shape. */
function byAction<T>(shapes: Record<string, Check<object>>): Check<T> {
  return (value, where) => {
    const action = (value as { action?: unknown } | null)?.action;
    const shape = typeof action === 'string' && Object.hasOwn(shapes, action) ? shapes[action] : undefined;
    if (!shape) throw new Invalid(at(where, 'action'), action, Object.keys(shapes).join(', '));
    return { ...shape(value, where), action } as T;
  };
}

const refusal = record<Refusal>({ status, code });
const rejecting = record<Refusal & { action: unknown }>({ action: () => 'reject', status, code });
const fallback = record<{ action: unknown; to: string }>({ action: () => 'fallback', to: tag });
const languageRule = byAction<Decisions['acceptLanguage']['missing']>({ reject: rejecting, fallback });

const codesByStatus: Check<Record<string, string>> = (value, where) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(where, value, 'an object from status (100..599) to code');
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!/^[1-5]\d\d$/.test(key)) throw new Invalid(`${where}.${key}`, key, 'a status from 100 to 599 as the key');
    out[key] = code(entry, `${where}.${key}`);
  }
  return out;
};

const accepted: Check<string[]> = (value, where) => {
  if (!Array.isArray(value) || value.length === 0 || value.length > 32) throw new Invalid(where, value, 'a list of 1 to 32 language tags');
  return value.map((v, i) => tag(v, `${where}[${i}]`));
};

const DECISIONS = record<Decisions>({
  paging: record<Decisions['paging']>({
    page: record({ min: integer(0, 1), default: integer(0, INT32_MAX) }),
    pageSize: record({ min: integer(1, 1_000_000), max: integer(1, 1_000_000), default: integer(1, 1_000_000) }),
    outOfRange: byAction({ reject: rejecting, clamp: record({ action: () => 'clamp' }) }),
  }),
  repeatedReferenceId: byAction({ replay: record({ action: () => 'replay' }), reject: rejecting, 'new-order': record({ action: () => 'new-order' }) }),
  orderLimits: record({ maxLines: integer(1, 10_000), maxQuantity: integer(1, 1_000_000), otherMerchant: refusal }),
  pullCodes: record({ successStatus: oneOf(200, 201), outOfStock: refusal, lowBalance: refusal, disabledProduct: refusal, unknownSku: refusal }),
  otherAccountOrder: refusal,
  acceptLanguage: record({ accepted, missing: languageRule, unsupported: languageRule }),
  contentType: refusal,
  retryAfter: record({ send: bool }),
  codesByStatus,
  messagesNameField: bool,
});

/** Relations between entries that no single entry can check. */
function crossCheck(d: Decisions): void {
  const size = d.paging.pageSize;
  if (size.min > size.max) throw new Invalid('paging.pageSize.min', size.min, `at most paging.pageSize.max (${size.max})`);
  if (size.default < size.min || size.default > size.max) throw new Invalid('paging.pageSize.default', size.default, `${size.min} to ${size.max}`);
  if (d.paging.page.default < d.paging.page.min) throw new Invalid('paging.page.default', d.paging.page.default, `at least paging.page.min (${d.paging.page.min})`);
  for (const rule of ['missing', 'unsupported'] as const) {
    const chosen = d.acceptLanguage[rule];
    if (chosen.action === 'fallback' && !d.acceptLanguage.accepted.includes(chosen.to)) throw new Invalid(`acceptLanguage.${rule}.to`, chosen.to, d.acceptLanguage.accepted.join(', '));
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function invalid(source: string, cause: unknown): Result<never> {
  const what = cause instanceof Invalid ? cause.message : cause instanceof Error ? cause.message : String(cause);
  return err(kitError('DECISIONS_INVALID', `[wupex-kit] DECISIONS_INVALID: ${source}: ${what}.`, {
    hint: 'Fix that entry (openapi/decisions.yaml shows every entry with its allowed values), or point at another decisions file.',
    cause,
  }));
}

/** Check a decisions value (parsed YAML, or an object given in code); the result is a deep-frozen copy. */
export function checkDecisions(value: unknown, source = 'decisions'): Result<LoadedDecisions> {
  try {
    const decisions = DECISIONS(structuredClone(value), '');
    crossCheck(decisions);
    return ok(deepFreeze(decisions));
  } catch (cause) {
    return invalid(source, cause);
  }
}

/** Read, parse and check a decisions file (default openapi/decisions.yaml); never throws. */
export function loadDecisions(path: string = DECISIONS_PATH): Result<LoadedDecisions> {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > DECISIONS_MAX_BYTES) {
      return err(kitError('DECISIONS_TOO_LARGE', `[wupex-kit] DECISIONS_TOO_LARGE: ${path} is ${size} bytes; a decisions file may hold at most ${DECISIONS_MAX_BYTES}.`, { hint: 'Point at the decisions YAML file, not another file.' }));
    }
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    return err(kitError('DECISIONS_UNREADABLE', `[wupex-kit] DECISIONS_UNREADABLE: cannot read ${path} (${cause instanceof Error ? cause.message : String(cause)}).`, { hint: 'Check the path given to --decisions / { decisions }.', cause }));
  }
  let parsed: unknown;
  try {
    parsed = jsYaml.load(text, { filename: path });
  } catch (cause) {
    return err(kitError('DECISIONS_INVALID', `[wupex-kit] DECISIONS_INVALID: ${path} is not valid YAML: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}.`, { hint: 'Fix the YAML syntax at the line named.', cause }));
  }
  return checkDecisions(parsed, path);
}

/** The decisions of an option: a path (read now), an object (checked), or the kit's default file. */
export function resolveDecisions(option: string | Decisions | LoadedDecisions | undefined): Result<LoadedDecisions> {
  if (option === undefined) return loadDecisions();
  return typeof option === 'string' ? loadDecisions(option) : checkDecisions(option);
}

let kit: LoadedDecisions | undefined;

/**
 * The kit's own openapi/decisions.yaml, read once per process (the contract checks' default expectations).
 * Throws: an invalid kit file is a bug of the kit (tests/unit/spec/decisions.test.ts loads it), not of the caller.
 */
export function kitDecisions(): LoadedDecisions {
  if (kit) return kit;
  const loaded = loadDecisions();
  if (!loaded.ok) throw new Error(loaded.error.message);
  kit = loaded.value;
  return kit;
}
