// listProducts: the catalogue, filtered by `search` (AND) and paginated in productCode order (S1, S4, S10; DECISIONS #5-#7).
import { ok } from '../../src/core/result.ts';
import { compileSearch, pageOf, paginate, type ColumnSpec, type SearchFilter } from '../paging.ts';
import type { AccountState, ProductRecord } from '../store.ts';
import type { Handler } from './handler.ts';

interface ProductListBody {
  page?: number;
  pageSize?: number;
  search?: SearchFilter[];
}

const COLUMNS: Record<string, ColumnSpec<ProductRecord>> = {
  productType: { kind: 'text', read: (p) => p.productType },
  productCode: { kind: 'text', read: (p) => p.productCode },
  productName: { kind: 'text', read: (p) => p.productName },
  productId: { kind: 'number', read: (p) => p.productId },
};

function sold(account: AccountState, sku: string): boolean {
  return account.orders.some((o) => o.lines.some((l) => l.sku === sku));
}

/** The vendor's product shape (S1a/S1b union); `available` is the live stock. */
function present(product: ProductRecord, account: AccountState) {
  return {
    productId: product.productId,
    productName: product.productName,
    imageUrl: product.imageUrl,
    productCode: product.productCode,
    price: product.price,
    limit: product.limit,
    redeemed: null,
    available: product.available,
    enabled: product.enabled,
    productType: product.productType,
    balance: null,
    discountRate: product.discountRate,
    previouslyPurchased: sold(account, product.productCode),
    favorite: false,
  };
}

export const listProducts: Handler = ({ account, store, body, decisions }) => {
  const request = (body ?? {}) as ProductListBody;
  const matcher = compileSearch(request.search, COLUMNS);
  if (!matcher.ok) return matcher;
  const matching = store.products().filter(matcher.value);
  const { page: number, pageSize } = pageOf(request, decisions.paging);
  const page = paginate(matching, number, pageSize);
  return ok({ status: true, data: page.data.map((p) => present(p, account)), pageInfo: page.pageInfo });
};
