// Scans the text of one file, line by line, and returns findings that never carry the secret itself.
import { fingerprint } from './redact.ts';
import { looksLikeSecret, type SecretJudgeOptions } from './looks-like-secret.ts';
import { secretRules, type SecretRule } from './secret-rules.ts';

/** Put this on a line to keep a deliberately fake, realistic-looking key (test fixtures). */
export const ALLOW_MARKER = 'scan-secrets: allow';

/** One suspected secret: where, which rule, and a non-reversible fingerprint instead of the value. */
export interface SecretFinding {
  file: string;
  line: number;
  ruleId: string;
  title: string;
  fingerprint: string;
}

/** Every suspected secret in `text` (the content of `file`), in line order. */
export function scanText(file: string, text: string, options: SecretJudgeOptions): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const rules = secretRules();
  const lines = text.split(/\r?\n/);
  const report = (rule: SecretRule, value: string, line: number) => {
    if (lines[line - 1]?.includes(ALLOW_MARKER)) return;
    if (!rule.alwaysSecret && !looksLikeSecret(value, options)) return;
    findings.push({ file, line, ruleId: rule.id, title: rule.title, fingerprint: fingerprint(value) });
  };
  lines.forEach((line, index) => {
    for (const rule of rules.filter((r) => !r.multiline)) for (const match of line.matchAll(rule.pattern)) report(rule, match.groups?.value ?? '', index + 1);
  });
  // A pair spread over lines (pretty-printed JSON): the finding is on the line where the value starts.
  for (const rule of rules.filter((r) => r.multiline)) {
    for (const match of text.matchAll(rule.pattern)) {
      const valueAt = (match.index ?? 0) + match[0].lastIndexOf(match.groups?.value ?? '');
      report(rule, match.groups?.value ?? '', text.slice(0, valueAt).split('\n').length);
    }
  }
  findings.sort((a, b) => a.line - b.line);
  // One line can match two rules for the same value (e.g. `"x-api-key": "..."` and apiKey-ish): keep the first.
  return findings.filter((f, i) => findings.findIndex((g) => g.line === f.line && g.fingerprint === f.fingerprint) === i);
}
