// `--report json=PATH`: the run as JSON for machines ({ target, summary, findings }), every string redacted.
import type { VerifyReport } from './report.ts';

/** Redact each string value (not the serialised document), so the output is always valid JSON. */
function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]));
  return value;
}

/** Pure: the JSON document; findings carry checkId, operation, severity, message, basis and a curl line to reproduce. */
export function toJsonReport(report: VerifyReport, redact: (text: string) => string): string {
  // The default target is the twin called in-process: no port, so no base URL (the banner says the same).
  const target = report.target.name === 'mock' ? { name: 'mock', inProcess: true, baseUrl: null } : report.target;
  const document = {
    target,
    summary: report.summary,
    ...(report.stopped ? { stopped: report.stopped } : {}),
    findings: report.findings.map(({ checkId, operation, severity, message, basis, reproduce }) => ({ checkId, operation, severity, message, basis, reproduce })),
  };
  return `${JSON.stringify(redactDeep(document, redact), null, 2)}\n`;
}
