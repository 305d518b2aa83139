// The independent server's own seed data: a small catalogue (one product out of stock, one disabled) and two accounts.
// Money is held in cents so sums stay exact; answers carry it as a number with two decimals (S5, S7).

export interface CatalogueItem {
  productCode: string;
  productName: string;
  productType: string;
  priceCents: number;
  stock: number;
  enabled: boolean;
  discountRate: number | null;
}

/** Fresh copies on every start, so one server's orders never move another's stock. */
export function seedCatalogue(): CatalogueItem[] {
  const item = (productCode: string, productName: string, productType: string, priceCents: number, stock: number, enabled = true): CatalogueItem => ({ productCode, productName, productType, priceCents, stock, enabled, discountRate: null });
  return [
    item('IND-GPLAY-US-10', 'Google Play 10 USD', 'Google Play', 1000, 500),
    item('IND-ITUNES-US-2', 'Apple iTunes 2 USD', 'Apple iTunes', 200, 1000),
    item('IND-ITUNES-US-15', 'Apple iTunes 15 USD', 'Apple iTunes', 1500, 200),
    item('IND-STEAM-US-50', 'Steam 50 USD', 'Steam', 5000, 300),
    item('IND-NETFLIX-US-30', 'Netflix 30 USD', 'Netflix', 3000, 100),
    item('IND-PSN-US-100', 'PlayStation 100 USD', 'PlayStation', 10000, 0),
    item('IND-XBOX-US-25', 'Xbox 25 USD', 'Xbox', 2500, 50, false),
  ];
}

export interface AccountSeed {
  merchant: string;
  balanceCents: number;
  creditCents: number;
}

/** Two accounts, with different balances (the isolation check compares them). */
export const ACCOUNT_SEEDS: readonly AccountSeed[] = [
  { merchant: 'INDIE-MERCHANT-1', balanceCents: 40_000, creditCents: 10_000 },
  { merchant: 'INDIE-MERCHANT-2', balanceCents: 100_000, creditCents: 0 },
];
