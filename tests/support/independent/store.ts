// The independent server's in-memory state: accounts (by key), the shared catalogue's stock, and each account's orders.
// Placing an order is all or nothing: every line is checked before stock or money moves (the S5 sample: one serial per unit).
import { randomBytes } from 'node:crypto';
import { ACCOUNT_SEEDS, seedCatalogue, type CatalogueItem } from './catalogue.ts';
import type { Refuse, ServerProfile } from './server-profile.ts';
import type { Line } from './validate.ts';

export interface PlacedLine {
  item: CatalogueItem;
  quantity: number;
  serials: { sku: string; serialCode: string; serialNumber: string }[];
}

export interface PlacedOrder {
  seq: number;
  orderName: string;
  orderDate: string;
  amountCents: number;
  referenceId: string | null;
  lines: PlacedLine[];
}

export interface Account {
  key: string;
  merchant: string;
  balanceCents: number;
  creditCents: number;
  orders: PlacedOrder[];
  byReference: Map<string, PlacedOrder>;
}

/** What placing an order came to: a new or replayed order, or a refusal with its message. */
export type Placement = { order: PlacedOrder; replayed: boolean } | { refuse: Refuse; message: string };

export interface Store {
  accounts: Account[];
  catalogue: CatalogueItem[];
  byKey(key: string | undefined): Account | undefined;
  /** The order of that name and whose account it is. */
  findOrder(name: string): { order: PlacedOrder; owner: Account } | undefined;
  place(account: Account, lines: Line[], referenceId: string | null): Placement;
}

/** A key made at start-up (never a literal in a file): 'indie-' and 24 random hex characters. */
const newKey = () => `indie-${randomBytes(12).toString('hex')}`;

export function createStore(profile: ServerProfile): Store {
  const catalogue = seedCatalogue();
  const accounts: Account[] = ACCOUNT_SEEDS.map((seed) => ({ key: newKey(), ...seed, orders: [], byReference: new Map() }));
  let seq = 0;
  let serial = 0;
  const nextSerial = (sku: string) => {
    serial += 1;
    const hex = (serial * 2654435761 % 0xffffffff).toString(16).toUpperCase().padStart(8, '0');
    return { sku, serialCode: `${hex.slice(0, 4)}-${hex.slice(4)}-${String(serial).padStart(4, '0')}`, serialNumber: `SN-${String(serial).padStart(8, '0')}` };
  };
  const refuse = (r: Refuse, message: string): Placement => ({ refuse: r, message });

  function check(account: Account, lines: Line[]): Placement | undefined {
    const { limits, order } = profile;
    const stranger = lines.find((l) => l.merchant !== account.merchant);
    if (stranger) return refuse(limits.otherMerchant, `The merchant ${stranger.merchant.slice(0, 64)} is not this account's merchant.`);
    for (const l of lines) {
      const item = catalogue.find((p) => p.productCode === l.sku);
      if (!item) return refuse(order.unknownSku, 'No product with this sku can be ordered by this account.');
      if (!item.enabled) return refuse(order.disabled, `The product ${item.productCode} is disabled.`);
      const wanted = lines.filter((o) => o.sku === l.sku).reduce((n, o) => n + o.quantity, 0);
      if (wanted > item.stock) return refuse(order.outOfStock, `Only ${item.stock} units of ${item.productCode} are in stock.`);
    }
    const total = lines.reduce((n, l) => n + (catalogue.find((p) => p.productCode === l.sku)?.priceCents ?? 0) * l.quantity, 0);
    if (total > account.balanceCents + account.creditCents) return refuse(order.lowBalance, 'The balance cannot pay for this order.');
    return undefined;
  }

  function commit(account: Account, lines: Line[], referenceId: string | null): PlacedOrder {
    seq += 1;
    const placed: PlacedLine[] = lines.map((l) => {
      const item = catalogue.find((p) => p.productCode === l.sku) as CatalogueItem;
      item.stock -= l.quantity;
      return { item, quantity: l.quantity, serials: Array.from({ length: l.quantity }, () => nextSerial(item.productCode)) };
    });
    const amountCents = placed.reduce((n, l) => n + l.item.priceCents * l.quantity, 0);
    account.balanceCents -= amountCents;
    const order: PlacedOrder = { seq, orderName: `B${String(seq).padStart(14, '0')}`, orderDate: new Date().toISOString(), amountCents, referenceId, lines: placed };
    account.orders.push(order);
    if (referenceId !== null && !account.byReference.has(referenceId)) account.byReference.set(referenceId, order);
    return order;
  }

  return {
    accounts,
    catalogue,
    byKey: (key) => (key === undefined ? undefined : accounts.find((a) => a.key === key)),
    findOrder(name) {
      for (const owner of accounts) {
        const order = owner.orders.find((o) => o.orderName === name);
        if (order) return { order, owner };
      }
      return undefined;
    },
    place(account, lines, referenceId) {
      const earlier = referenceId === null ? undefined : account.byReference.get(referenceId);
      const rule = profile.sameReference;
      if (earlier && rule === 'replay') return { order: earlier, replayed: true };
      if (earlier && typeof rule === 'object') return refuse(rule, `The referenceId was already used by order ${earlier.orderName}.`);
      return check(account, lines) ?? { order: commit(account, lines, referenceId), replayed: false };
    },
  };
}
