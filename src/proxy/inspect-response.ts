// Runs every pure exchange check of the catalogue on one exchange (proxy and replay): failures become violations.
import { kitDecisions } from '../spec/decisions.ts';
import type { ExchangeCheck } from '../contract/checks/check.ts';
import { crashed } from '../contract/checks/check.ts';
import { ALL_CHECKS } from '../contract/checks/index.ts';
import { responseSchema, type SpecIndex } from '../contract/checks/lib/spec-index.ts';
import type { Exchange } from '../contract/targets/target.ts';
import type { SpecOperation } from '../spec/spec.ts';
import { outcomeViolation, schemaViolations, type Violation } from './violations.ts';

/** The pure checks of ALL_CHECKS (kind 'exchange'), in catalogue order. */
export const EXCHANGE_CHECKS: readonly ExchangeCheck[] = ALL_CHECKS.filter((c): c is ExchangeCheck => c.kind === 'exchange');

/** Every violation the pure checks find in one exchange of one operation. */
export function inspectResponse(exchange: Exchange, operation: SpecOperation, spec: SpecIndex): Violation[] {
  const out: Violation[] = [];
  for (const check of EXCHANGE_CHECKS) {
    if (check.appliesTo && !check.appliesTo(operation)) continue;
    let outcome;
    try {
      outcome = check.run(exchange, operation, spec, kitDecisions());
    } catch (error) {
      outcome = crashed(check.id, error, exchange);
    }
    if (outcome.kind !== 'fail') continue;
    const schema = check.id === 'schema.response-body' ? responseSchema(operation, exchange.response.status) : undefined;
    const detail = schema && exchange.response.json !== undefined ? spec.validate(schema, exchange.response.json) : undefined;
    const basis = outcome.basis ?? check.basis;
    if (detail) out.push(...schemaViolations(detail, exchange.response.json, { checkId: check.id, operation: operation.label, basis }));
    else out.push({ ...outcomeViolation(check.id, operation.label, outcome), basis });
  }
  return out;
}
