// getBalance: the caller's balance, credit line and spendable sum, wrapped in the envelope (S7, DECISIONS #1).
import { ok } from '../../src/core/result.ts';
import { money } from '../store.ts';
import type { Handler } from './handler.ts';

/** creditBalance is what the account can spend: balance plus credit. */
export const getBalance: Handler = ({ account }) =>
  ok({ status: true, data: { balance: account.balance, credit: account.credit, creditBalance: money(account.balance + account.credit) } });
