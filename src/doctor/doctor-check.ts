// What a doctor check is: a small named function with a stable id that looks at a context and returns a value.
import type { KitEnv } from '../cli/env.ts';
import type { Document } from '../spec/spec.ts';
import type { ProbeFetch } from './probe.ts';

export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One finding: what was seen, and (for warn/fail) what to do about it. */
export interface DoctorResult {
  status: DoctorStatus;
  what: string;
  fix?: string;
}

/** A subprocess outcome (the spec lint); injected so tests need not run Spectral. */
export interface CommandOutcome {
  code: number | null;
  output: string;
}

/** Everything a check may look at. Built once by createDoctorContext; tests build their own. */
export interface DoctorContext {
  env: KitEnv;
  /** The repository root (package.json, package-lock.json, node_modules). */
  root: string;
  doc: Document;
  offline: boolean;
  nodeVersion: string;
  npmVersion: () => string | undefined;
  runSpecLint: () => Promise<CommandOutcome>;
  /** The outbound path in real runs (createDoctorContext); a double in tests. */
  fetch: ProbeFetch;
  /** Timeout of each network probe. */
  probeTimeoutMs: number;
}

export interface DoctorCheck {
  /** Stable kebab-case id, printed on every line; never renamed. */
  id: string;
  run(context: DoctorContext): DoctorResult | Promise<DoctorResult>;
}

export const DOCTOR_DEFAULTS = {
  /** S-brief: "short timeout, e.g. 3 s" for the sandbox probe. */
  probeTimeoutMs: 3_000,
  twinProbeTimeoutMs: 1_500,
  /** A probe reads a balance error or the twin's state: tiny. */
  probeMaxBytes: 1024 * 1024,
} as const;

/** Identity helper so each check file reads the same and is typed at its definition. */
export const defineDoctorCheck = (check: DoctorCheck): DoctorCheck => check;

export const ok = (what: string): DoctorResult => ({ status: 'ok', what });
export const warn = (what: string, fix: string): DoctorResult => ({ status: 'warn', what, fix });
export const fail = (what: string, fix: string): DoctorResult => ({ status: 'fail', what, fix });
export const skip = (what: string): DoctorResult => ({ status: 'skip', what });
