// The twin's built-in demo accounts. FAKE values, not secrets: they only open the offline twin.

/** One account of the twin: a key and the merchant code that key may order for. */
export interface MockAccount {
  key: string;
  merchantCode: string;
}

/** Used when WUPEX_MOCK_KEYS is unset. Two accounts, so cross-account isolation can be shown. */
export const DEMO_ACCOUNTS: readonly MockAccount[] = [
  { key: 'wupex-demo-key-alpha', merchantCode: 'DEMO-MERCHANT-A' },
  { key: 'wupex-demo-key-bravo', merchantCode: 'DEMO-MERCHANT-B' },
];

/** Starting money of every twin account (S7 sample). */
export const DEMO_BALANCE = { balance: 5000, credit: 0 } as const;
