// Per-server state of the twin: products and stock, and per-account balance and orders. Built by createStore, never module-level.
import { fingerprint } from '../src/secrets/redact.ts';
import { DEMO_BALANCE, type MockAccount } from './demo-accounts.ts';
import { STORE_BOUNDS } from './bounds.ts';
import { createRandom, type Random } from './random.ts';

/** A product of the catalogue (fixture shape, mocks/fixtures/products.json). */
export interface ProductRecord {
  productId: number;
  productName: string;
  imageUrl: string | null;
  productCode: string;
  price: number;
  limit: number | null;
  available: number;
  enabled: boolean;
  productType: string;
  discountRate: number | null;
}

export interface SerialRecord {
  sku: string;
  serialCode: string;
  serialNumber: string;
  currency: string | null;
  expiryDate: string | null;
}

export interface OrderLineRecord {
  sku: string;
  productName: string;
  quantity: number;
  unitPrice: number;
  serials: SerialRecord[];
}

export interface OrderRecord {
  orderName: string;
  orderDate: string;
  orderAmount: number;
  referenceId: string | null;
  /** Creation sequence, to keep sorting stable for orders placed in the same second. */
  sequence: number;
  lines: OrderLineRecord[];
}

/** One key's account: its merchant code, money and orders. */
export interface AccountState {
  readonly key: string;
  readonly fingerprint: string;
  readonly merchantCode: string;
  balance: number;
  credit: number;
  orders: OrderRecord[];
  byName: Map<string, OrderRecord>;
  byReference: Map<string, OrderRecord>;
  /** The orders by each sortable column other than the date, ascending (creation order among equals), kept on insert: listing never sorts. */
  sorted: Record<SortColumn, OrderRecord[]>;
}

/** listOrders' orderColumn values other than orderDate (orders are kept in creation order, which is date order). */
export type SortColumn = 'orderAmount' | 'orderName';
export const SORT_COLUMNS: readonly SortColumn[] = ['orderAmount', 'orderName'];

/** Insert `order` (the newest: the highest sequence) after every order whose key is not greater: a binary search, one splice. */
function insertSorted(list: OrderRecord[], order: OrderRecord, column: SortColumn): void {
  const key = order[column];
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]![column] <= key) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, order);
}

export interface StoreFixtures {
  accounts: readonly MockAccount[];
  products: readonly ProductRecord[];
  seed: number;
  /** Reseed the random source on reset (a pinned seed: reproducible); false keeps the stream going, so names stay unique across resets. */
  reseedOnReset?: boolean;
  /** Starting money of every account; default DEMO_BALANCE (`--catalogue` takes it from a recorded getBalance answer). */
  balance?: { balance: number; credit: number };
  /** The clock for order dates; default `Date.now`. */
  now?: () => number;
  /** Orders one account may hold (default STORE_BOUNDS.ordersPerAccount). */
  maxOrders?: number;
}

/** Per-account summary for the admin surface: never the key, only its fingerprint. */
export interface AccountSummary {
  key: string;
  merchantCode: string;
  balance: number;
  credit: number;
  orderCount: number;
}

export interface MockStore {
  account(key: string): AccountState | undefined;
  /** The account of a merchant code (scenarios and admin routes name accounts this way, never by key). */
  accountByMerchant(merchantCode: string): AccountState | undefined;
  products(): readonly ProductRecord[];
  product(sku: string): ProductRecord | undefined;
  /** Seeded random source for serials, order names and faults; reset() reseeds it. */
  random(): Random;
  /** True when the account holds the most orders the store keeps (STORE_BOUNDS): no further order is recorded. */
  full(account: AccountState): boolean;
  /** Record an order and move stock and money. Synchronous, so check-and-create is atomic. */
  commitOrder(account: AccountState, order: Omit<OrderRecord, 'sequence'>): OrderRecord;
  now(): number;
  /** True when any account already has an order of this name (names are unique per server). */
  orderNameTaken(name: string): boolean;
  summary(): AccountSummary[];
  /** Restore the fixtures: products and stock, balances, no orders, RNG reseeded. */
  reset(): void;
}

/** Round money to cents, so sums of prices never drift (DECISIONS #3). */
export const money = (value: number): number => Math.round(value * 100) / 100;

function freshAccount(account: MockAccount, money: { balance: number; credit: number } = DEMO_BALANCE): AccountState {
  return {
    key: account.key,
    fingerprint: fingerprint(account.key),
    merchantCode: account.merchantCode,
    balance: money.balance,
    credit: money.credit,
    orders: [],
    byName: new Map(),
    byReference: new Map(),
    sorted: { orderAmount: [], orderName: [] },
  };
}

/** Move stock and money for an accepted order and index it by name and referenceId. */
function applyOrder(products: Map<string, ProductRecord>, account: AccountState, order: OrderRecord): OrderRecord {
  for (const line of order.lines) {
    const product = products.get(line.sku);
    if (product) product.available -= line.quantity;
  }
  account.balance = money(account.balance - order.orderAmount);
  account.orders.push(order);
  for (const column of SORT_COLUMNS) insertSorted(account.sorted[column], order, column);
  account.byName.set(order.orderName, order);
  if (order.referenceId !== null) account.byReference.set(order.referenceId, order);
  return order;
}

/** Fresh copies of the fixture products, in productCode order (the stable order listProducts pages through). */
function loadCatalogue(products: readonly ProductRecord[]): ProductRecord[] {
  return products.map((p) => ({ ...p })).sort((a, b) => (a.productCode < b.productCode ? -1 : 1));
}

/** Build the state of one server from deterministic fixtures. */
export function createStore(fixtures: StoreFixtures): MockStore {
  let accounts = new Map<string, AccountState>();
  let catalogue: ProductRecord[] = [];
  let products = new Map<string, ProductRecord>();
  let random = createRandom(fixtures.seed);
  let sequence = 0;
  const reset = (): void => {
    accounts = new Map(fixtures.accounts.map((a) => [a.key, freshAccount(a, fixtures.balance)]));
    catalogue = loadCatalogue(fixtures.products);
    products = new Map(catalogue.map((p) => [p.productCode, p]));
    if (fixtures.reseedOnReset !== false) random = createRandom(fixtures.seed);
    sequence = 0;
  };
  reset();
  return {
    account: (key) => accounts.get(key),
    accountByMerchant: (code) => [...accounts.values()].find((a) => a.merchantCode === code),
    products: () => catalogue,
    product: (sku) => products.get(sku),
    random: () => random,
    full: (account) => account.orders.length >= (fixtures.maxOrders ?? STORE_BOUNDS.ordersPerAccount),
    commitOrder: (account, draft) => applyOrder(products, account, { ...draft, sequence: (sequence += 1) }),
    now: fixtures.now ?? Date.now,
    orderNameTaken: (name) => [...accounts.values()].some((a) => a.byName.has(name)),
    summary: () =>
      [...accounts.values()].map((a) => ({ key: a.fingerprint, merchantCode: a.merchantCode, balance: a.balance, credit: a.credit, orderCount: a.orders.length })),
    reset,
  };
}
