// What one exchange showed about one decided point: the unit of evidence `--propose` counts.
import type { Exchange } from '../../http/exchange.ts';

export type Seen =
  | { kind: 'refused'; status: number; code?: string }
  | { kind: 'accepted'; status: number; language?: string; sameOrder?: boolean }
  | { kind: 'named'; named: boolean }
  | { kind: 'retryAfter'; sent: boolean }
  | { kind: 'code'; status: number; code: string }
  | { kind: 'success'; status: number }
  | { kind: 'server-error'; status: number };

/** One exchange as evidence for one entry of decisions.yaml (`codesByStatus.401` names one status of a map). */
export interface Observation {
  entry: string;
  seen: Seen;
  exchange: Exchange;
}
