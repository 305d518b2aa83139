// `npm run mock -- --catalogue PATH.har`: the twin's catalogue from recorded listProducts answers; invalid products are reported and skipped.
import { MAX_AMOUNT } from './scenario.ts';
import { readFileSync } from 'node:fs';
import type { Har, HarEntry } from '../src/har/har.ts';
import { createHarValidator } from '../src/har/validate.ts';
import { err, kitError, ok, type Result } from '../src/core/result.ts';
import { createAjv, describeErrors } from '../src/spec/schema.ts';
import { listOperations, type Document } from '../src/spec/spec.ts';
import type { ProductRecord } from './store.ts';

export interface RecordedCatalogue {
  products: ProductRecord[];
  /** One line per product that failed the spec's Product schema (never loaded half-valid). */
  skipped: string[];
  /** From the last recorded getBalance answer, when there is one. */
  balance?: { balance: number; credit: number };
}

/** Values for fields a recording may lack (the fixture's, for a product the fixtures also have). */
export const CATALOGUE_DEFAULTS = { available: 100, firstProductId: 900_000 } as const;

type Json = Record<string, unknown>;

function answers(entries: HarEntry[], doc: Document, operationId: string): unknown[] {
  const operation = listOperations(doc).find((o) => o.operationId === operationId);
  return entries
    .filter((e) => operation && e.request.method.toLowerCase() === operation.method && new URL(e.request.url).pathname === operation.path && e.response.status === 200)
    .flatMap((e) => {
      try {
        return [JSON.parse(e.response.content.text ?? '') as unknown];
      } catch {
        return [];
      }
    });
}

function toRecord(p: Json, index: number, fixture: ProductRecord | undefined): ProductRecord {
  const id = Number(p.productId);
  const pick = <K extends keyof ProductRecord>(key: K, fallback: ProductRecord[K]): ProductRecord[K] => (p[key] === undefined ? (fixture?.[key] ?? fallback) : (p[key] as ProductRecord[K]));
  return {
    productId: Number.isSafeInteger(id) ? id : (fixture?.productId ?? CATALOGUE_DEFAULTS.firstProductId + index),
    productName: p.productName as string,
    imageUrl: pick('imageUrl', null),
    productCode: p.productCode as string,
    price: p.price as number,
    limit: pick('limit', null),
    available: typeof p.available === 'number' ? p.available : (fixture?.available ?? CATALOGUE_DEFAULTS.available),
    enabled: p.enabled as boolean,
    productType: p.productType as string,
    discountRate: pick('discountRate', null),
  };
}

/** Read PATH, keep every recorded product that passes `components.schemas.Product`, later answers winning per productCode. */
export function loadRecordedCatalogue(path: string, doc: Document, fixtures: readonly ProductRecord[]): Result<RecordedCatalogue> {
  let har: unknown;
  try {
    har = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    return err(kitError('CATALOGUE_INVALID', `--catalogue ${path} is not readable JSON (${(cause as Error).message}).`, { hint: 'Pass a .har file written by npm run proxy -- --record DIR.', cause }));
  }
  const valid = createHarValidator()(har, `--catalogue ${path}`);
  if (!valid.ok) return valid;
  const entries = (har as Har).log.entries;
  const validate = createAjv().compile((doc.components?.schemas?.Product ?? {}) as Json);
  const byCode = new Map<string, ProductRecord>();
  // A product listed by several recorded answers (pages, repeats) is reported once per distinct problem.
  const skipped = new Set<string>();
  const recorded = answers(entries, doc, 'listProducts').flatMap((body) => ((body as Json)?.data instanceof Array ? ((body as Json).data as unknown[]) : []));
  recorded.forEach((product, i) => {
    if (!validate(product)) {
      skipped.add(`product ${JSON.stringify((product as Json)?.productCode ?? `#${i + 1}`)} skipped: ${describeErrors(validate.errors)}`);
      return;
    }
    const p = product as Json;
    byCode.set(p.productCode as string, toRecord(p, i, fixtures.find((f) => f.productCode === p.productCode)));
  });
  if (byCode.size === 0) return err(kitError('CATALOGUE_EMPTY', `--catalogue ${path} holds no valid product from a listProducts answer (${skipped.size} skipped).`, { hint: 'Record your app (or npm run verify) listing products through npm run proxy -- --record DIR.' }));
  const balances = answers(entries, doc, 'getBalance').map((b) => (b as { data?: { balance?: unknown; credit?: unknown } })?.data);
  // The same bound as the admin routes and scenarios (MAX_AMOUNT, DECISIONS #3): a recorded 1e308 never becomes a balance.
  const inBounds = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_AMOUNT;
  const last = balances.filter((d) => inBounds(d?.balance) && inBounds(d?.credit)).at(-1) as { balance: number; credit: number } | undefined;
  return ok({ products: [...byCode.values()], skipped: [...skipped], ...(last ? { balance: { balance: last.balance, credit: last.credit } } : {}) });
}
