// The secret scan over a repository: list files, skip binaries, scan text, allowing the twin's documented demo keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import type { Result } from '../core/result.ts';
import { decodeText } from './decode-text.ts';
import { listScanFiles } from './list-files.ts';
import { scanText, type SecretFinding } from './scan-text.ts';

/** What one scan saw: the findings and how many files were read. */
export interface ScanReport {
  findings: SecretFinding[];
  filesScanned: number;
}

/** Options of `scanRepo`: the repository root, and extra fake values to allow (the demo keys are always allowed). */
export interface ScanOptions {
  cwd: string;
  allowedValues?: readonly string[];
}

/** Reads a file as text (UTF-8 or UTF-16), or undefined when it is gone (deleted but still tracked) or binary. */
function readText(path: string): string | undefined {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch {
    return undefined; // listed by git but deleted, or a directory (submodule): nothing to scan
  }
  return decodeText(buffer);
}

/** Scan every file git would commit in `cwd`. Fails only when the file list cannot be obtained. */
export function scanRepo(options: ScanOptions): Result<ScanReport> {
  const listed = listScanFiles(options.cwd);
  if (!listed.ok) return listed;
  const allowedValues = new Set([...DEMO_ACCOUNTS.map((a) => a.key), ...(options.allowedValues ?? [])]);
  const findings: SecretFinding[] = [];
  let filesScanned = 0;
  for (const file of listed.value) {
    const text = readText(join(options.cwd, file));
    if (text === undefined) continue;
    filesScanned += 1;
    findings.push(...scanText(file, text, { allowedValues }));
  }
  return { ok: true, value: { findings, filesScanned } };
}
