// Parses WUPEX_MOCK_KEYS ("key" or "key:MERCHANT", comma-separated) into the twin's accounts, as a Result.
import { err, kitError, ok, type Result } from '../src/core/result.ts';
import type { MockAccount } from './demo-accounts.ts';

const KEY_PATTERN = /^[A-Za-z0-9._~+/=-]{8,256}$/;
const MERCHANT_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A bare key gets MOCK-MERCHANT-<n> (1-based position), so every account has its own merchant code. */
export function generatedMerchantCode(position: number): string {
  return `MOCK-MERCHANT-${position}`;
}

/** Parse the variable; messages name the entry by position, never echo the key. */
export function parseMockKeys(text: string): Result<MockAccount[]> {
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) return err(kitError('CONFIG_INVALID', 'WUPEX_MOCK_KEYS is set but lists no key.', { hint: "Use 'key' or 'key:MERCHANTCODE', comma-separated, or unset it for the demo accounts." }));
  const accounts: MockAccount[] = [];
  for (const [index, entry] of entries.entries()) {
    const at = entry.lastIndexOf(':');
    const key = at > 0 ? entry.slice(0, at) : entry;
    const merchantCode = at > 0 ? entry.slice(at + 1) : generatedMerchantCode(index + 1);
    const where = `WUPEX_MOCK_KEYS entry ${index + 1}`;
    if (!KEY_PATTERN.test(key)) return err(kitError('CONFIG_INVALID', `${where}: the key must be 8 to 256 characters of A-Z a-z 0-9 . _ ~ + / = -.`, { hint: "Format: 'key' or 'key:MERCHANTCODE'." }));
    if (!MERCHANT_PATTERN.test(merchantCode)) return err(kitError('CONFIG_INVALID', `${where}: merchant code '${merchantCode}' must be 1 to 64 characters of A-Z a-z 0-9 . _ -.`));
    if (accounts.some((a) => a.key === key)) return err(kitError('CONFIG_INVALID', `${where}: the same key is listed twice.`));
    if (accounts.some((a) => a.merchantCode === merchantCode)) return err(kitError('CONFIG_INVALID', `${where}: merchant code '${merchantCode}' is already used by another key.`));
    accounts.push({ key, merchantCode });
  }
  return ok(accounts);
}
