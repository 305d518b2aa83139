// Scenarios: put the twin in the state a test needs (balances, stock, enabled, queued faults); parsed once, applied after every reset.
import { readFileSync } from 'node:fs';
import { listOperations, type Document } from '../src/spec/spec.ts';
import { err, kitError, ok, type Result } from '../src/core/result.ts';
import { money, type MockStore } from './store.ts';

/** Money of one account, named by its merchant code (a scenario never holds a key). */
export interface AccountPatch {
  merchantCode: string;
  balance?: number;
  credit?: number;
}

/** Stock (`available`) and `enabled` of one product, named by its productCode (the sku of an order line). */
export interface ProductPatch {
  sku: string;
  available?: number;
  enabled?: boolean;
}

/** The next `count` requests to `operation` get its documented response `status` (with the spec's named example). */
export interface FaultPatch {
  operation: string;
  status: number;
  count: number;
}

/** A scenario file (mocks/scenarios/*.json): every part optional. */
export interface Scenario {
  description?: string;
  accounts?: AccountPatch[];
  products?: ProductPatch[];
  faults?: FaultPatch[];
}

/** Per-server queue of one-shot faults, keyed by "METHOD path" of the operation. */
export interface FaultQueue {
  queue(fault: FaultPatch): Result<void>;
  /** The status to answer this request with, consuming one queued fault; undefined when none is queued. */
  take(method: string, path: string): number | undefined;
  reset(): void;
}

const invalid = (message: string): Result<never> =>
  err(kitError('SCENARIO_INVALID', `[wupex-mock] SCENARIO_INVALID: ${message}`, { hint: 'See mocks/scenarios/*.json for the shape: accounts, products, faults.' }));
/** A well-formed scenario naming an account or product the twin does not have (the admin routes answer 404 for it, 400 otherwise). */
export const SCENARIO_NOT_FOUND = 'SCENARIO_NOT_FOUND';
const notFound = (message: string): Result<never> =>
  err(kitError(SCENARIO_NOT_FOUND, `[wupex-mock] SCENARIO_INVALID: ${message}`, { hint: 'GET /__mock/state lists the accounts; mocks/fixtures/products.json the products.' }));

/**
 * Largest balance or credit the twin takes (DECISIONS #3): sums of such amounts stay exact to the cent in a double, so
 * nothing overflows to Infinity (answered as null) and no order overspends; past it the admin route or scenario is refused.
 */
export const MAX_AMOUNT = 1_000_000_000_000;

const isNumber = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= MAX_AMOUNT;
const optionalNumber = (v: unknown, min: number) => v === undefined || isNumber(v, min);
/** Fields of `item` outside `allowed` (a typo such as "balanse" must not pass silently). */
const extra = (item: object, allowed: string[]) => Object.keys(item).filter((k) => !allowed.includes(k));

/** Build the fault queue from the spec's operations (statuses must be documented, as for `Prefer: code=N`). */
/** One queued run of identical faults. */
interface FaultRun {
  status: number;
  remaining: number;
}

/** Most queued runs (distinct consecutive statuses) per operation: past it a new fault is refused (400 on the admin route). */
export const MAX_QUEUED_RUNS = 1_000;

export function createFaultQueue(spec: Document): FaultQueue {
  const operations = listOperations(spec);
  // Runs of (status, remaining), not one entry per answer: queuing costs O(1) whatever the count, taking O(1) amortised.
  let pending = new Map<string, FaultRun[]>();
  const queue = (fault: FaultPatch): Result<void> => {
    const op = operations.find((o) => o.operationId === fault.operation);
    if (!op) return invalid(`fault operation '${fault.operation}' is not in the spec; use one of ${operations.map((o) => o.operationId).join(', ')}.`);
    const statuses = Object.keys(op.operation.responses ?? {}).map(Number);
    if (!statuses.includes(fault.status)) return invalid(`fault status ${fault.status} is not documented for ${fault.operation}; use one of ${statuses.join(', ')}.`);
    if (!Number.isInteger(fault.count) || fault.count < 1 || fault.count > 10_000) return invalid(`fault count must be an integer from 1 to 10000; received ${fault.count}.`);
    const runs = pending.get(op.label) ?? [];
    if (runs.length >= MAX_QUEUED_RUNS) return invalid(`${fault.operation} already has ${MAX_QUEUED_RUNS} queued faults; POST /__mock/reset clears them.`);
    const last = runs.at(-1);
    if (last && last.status === fault.status) last.remaining += fault.count;
    else runs.push({ status: fault.status, remaining: fault.count });
    pending.set(op.label, runs);
    return ok(undefined);
  };
  const take = (method: string, path: string): number | undefined => {
    const runs = pending.get(`${method.toUpperCase()} ${path}`);
    const head = runs?.[0];
    if (!runs || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) runs.shift();
    return head.status;
  };
  return { queue, take, reset: () => void (pending = new Map()) };
}

/** " (unknown field(s) balanse)" when an item has fields outside `allowed`, else "". */
const unknownFields = (item: unknown, allowed: string[]) => {
  const names = item && typeof item === 'object' ? extra(item, allowed) : [];
  return names.length ? ` (unknown field(s) ${names.map((n) => JSON.stringify(n.slice(0, 40))).join(', ')})` : '';
};

/**
 * Check a parsed JSON value is a scenario: unknown fields and wrong types are refused with the field named.
 * `itemLabel` names one item in messages (default `<where>.accounts[0]`; a single-account admin route says `body`).
 */
export function parseScenario(value: unknown, where = 'scenario', itemLabel: (list: string, i: number) => string = (list, i) => `${where}.${list}[${i}]`): Result<Scenario> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return invalid(`${where} must be a JSON object with accounts, products and/or faults.`);
  const s = value as Record<string, unknown>;
  const unknown = Object.keys(s).filter((k) => !['description', 'accounts', 'products', 'faults', '$schema'].includes(k));
  if (unknown.length) return invalid(`${where} has unknown field(s) ${unknown.join(', ')}; use description, accounts, products, faults.`);
  const notList = ['accounts', 'products', 'faults'].find((k) => s[k] !== undefined && !Array.isArray(s[k]));
  if (notList) return invalid(`${where}.${notList} must be an array.`);
  for (const [i, a] of ((s.accounts ?? []) as AccountPatch[]).entries()) {
    if (typeof a?.merchantCode !== 'string' || !optionalNumber(a.balance, 0) || !optionalNumber(a.credit, 0) || extra(a, ['merchantCode', 'balance', 'credit']).length) {
      return invalid(`${itemLabel('accounts', i)}${unknownFields(a, ['merchantCode', 'balance', 'credit'])} needs merchantCode (string), optional balance and credit (numbers from 0 to ${MAX_AMOUNT}), and never a key.`);
    }
  }
  for (const [i, p] of ((s.products ?? []) as ProductPatch[]).entries()) {
    const stock = p?.available === undefined || (Number.isInteger(p.available) && p.available >= 0);
    if (typeof p?.sku !== 'string' || !stock || !(p.enabled === undefined || typeof p.enabled === 'boolean') || extra(p, ['sku', 'available', 'enabled']).length) {
      return invalid(`${itemLabel('products', i)}${unknownFields(p, ['sku', 'available', 'enabled'])} needs sku (string), optional available (integer >= 0) and enabled (boolean).`);
    }
  }
  for (const [i, f] of ((s.faults ?? []) as FaultPatch[]).entries()) {
    if (typeof f?.operation !== 'string' || !Number.isInteger(f.status) || !Number.isInteger(f.count) || extra(f, ['operation', 'status', 'count']).length) return invalid(`${itemLabel('faults', i)}${unknownFields(f, ['operation', 'status', 'count'])} needs operation (operationId), status and count (integers).`);
  }
  return ok(s as Scenario);
}

/** Read and check a scenario file. */
export function loadScenario(file: string): Result<Scenario> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    return err(kitError('SCENARIO_INVALID', `[wupex-mock] SCENARIO_INVALID: cannot read ${file}.`, { hint: 'Check the path given to --scenario.', cause }));
  }
  try {
    return parseScenario(JSON.parse(text), file);
  } catch (cause) {
    return invalid(`${file} is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}).`);
  }
}

/** Apply a checked scenario to a store and fault queue; an unknown merchant code or sku is an error, nothing half-applied is hidden. */
export function applyScenario(scenario: Scenario, store: MockStore, faults: FaultQueue): Result<void> {
  for (const patch of scenario.accounts ?? []) {
    const account = store.accountByMerchant(patch.merchantCode);
    if (!account) return notFound(`no account with merchant code '${patch.merchantCode}'; the twin has ${store.summary().map((a) => a.merchantCode).join(', ')}.`);
    if (patch.balance !== undefined) account.balance = money(patch.balance);
    if (patch.credit !== undefined) account.credit = money(patch.credit);
  }
  for (const patch of scenario.products ?? []) {
    const product = store.product(patch.sku);
    if (!product) return notFound(`no product with productCode '${patch.sku}' in mocks/fixtures/products.json.`);
    if (patch.available !== undefined) product.available = patch.available;
    if (patch.enabled !== undefined) product.enabled = patch.enabled;
  }
  for (const fault of scenario.faults ?? []) {
    const queued = faults.queue(fault);
    if (!queued.ok) return queued;
  }
  return ok(undefined);
}
