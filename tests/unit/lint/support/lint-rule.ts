// Test harness for the spec lint: loads openapi/lint/ruleset.yaml in-process and runs it (or one rule of it) on a document.
import * as fs from 'node:fs';
import { resolve } from 'node:path';
import { Document, Spectral, type Ruleset, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../../../..');
export const RULESET_PATH = resolve(ROOT, 'openapi/lint/ruleset.yaml');
export const MINIMAL_SPEC_PATH = resolve(ROOT, 'tests/support/specs/wupex-minimal.yaml');

/**
 * A spec under test: a plain object (linted as JSON), or a YAML file on disk, optionally with replaced
 * text (a mutated copy whose relative $refs still resolve next to `file`).
 */
export type LintInput = Record<string, unknown> | { file: string; text?: string };

/** What a lint test asserts on: the rule id and the JSON path, joined with dots. */
export interface Hit {
  code: string;
  path: string;
  severity: number;
  message: string;
}

/** The real ruleset, bundled the way the Spectral CLI bundles it (custom functions included). */
export async function loadRealRuleset(): Promise<Ruleset> {
  // Same plugins as the CLI: builtins() maps spectral packages, commonjs() loads the CJS OWASP ruleset.
  // Only local files and npm packages are referenced, so no network fetch ever happens.
  return bundleAndLoadRuleset(RULESET_PATH, { fs, fetch: globalThis.fetch }, [builtins(), commonjs()]);
}

/** The real ruleset with every rule off except `ruleId` (the spectral rule-test pattern). */
export async function loadSingleRule(ruleId: string): Promise<Ruleset> {
  const full = await loadRealRuleset();
  if (!(ruleId in full.rules)) throw new Error(`No rule "${ruleId}" in ${RULESET_PATH}`);
  // `full` is a fresh object built for this caller, so switching its rules is not shared state.
  for (const [id, rule] of Object.entries(full.rules)) rule.enabled = id === ruleId;
  return full;
}

function toDocument(input: LintInput): Document<unknown, any> {
  if ('file' in input && typeof input.file === 'string') {
    const text = typeof input.text === 'string' ? input.text : fs.readFileSync(input.file, 'utf8');
    return new Document(text, Yaml, input.file);
  }
  return new Document(JSON.stringify(input, null, 2), Json, resolve(ROOT, 'tests/support/specs/inline.json'));
}

/** Lint `input` with `ruleset`; results as plain hits, sorted for stable assertions. */
export async function lint(ruleset: Ruleset, input: LintInput): Promise<Hit[]> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results: ISpectralDiagnostic[] = await spectral.run(toDocument(input));
  return results
    .map((r) => ({ code: String(r.code), path: r.path.join('.'), severity: r.severity, message: r.message }))
    .sort((a, b) => `${a.code} ${a.path}`.localeCompare(`${b.code} ${b.path}`));
}

/** A fresh, mutable copy of the minimal valid spec (tests/support/specs/wupex-minimal.yaml). */
export function minimalSpec(): Record<string, any> {
  return parse(fs.readFileSync(MINIMAL_SPEC_PATH, 'utf8')) as Record<string, any>;
}

/** Only the code and path of each hit: what the `invalid:` scenarios pin. */
export const where = (hits: Hit[]) => hits.map(({ code, path }) => ({ code, path }));
