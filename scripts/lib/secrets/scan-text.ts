// Scans the text of one file, line by line, and returns findings that never carry the secret itself.
import { fingerprint } from '../redact.ts';
import { looksLikeSecret, type SecretJudgeOptions } from './looks-like-secret.ts';
import { secretRules } from './secret-rules.ts';

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
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.includes(ALLOW_MARKER)) return;
    for (const rule of rules) {
      for (const match of line.matchAll(rule.pattern)) {
        const value = match.groups?.value ?? '';
        if (!rule.alwaysSecret && !looksLikeSecret(value, options)) continue;
        findings.push({ file, line: index + 1, ruleId: rule.id, title: rule.title, fingerprint: fingerprint(value) });
      }
    }
  });
  // One line can match two rules for the same value (e.g. `"x-api-key": "..."` and apiKey-ish): keep the first.
  return findings.filter((f, i) => findings.findIndex((g) => g.line === f.line && g.fingerprint === f.fingerprint) === i);
}
