// `npm run docs` builds a self-contained HTML reference that names every operation and loads nothing from a CDN.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDocs } from '../../../src/publish/docs.ts';
import { listOperations, loadSpec } from '../../../src/spec/spec.ts';
import { scriptEntry } from '../../support/run-script.ts';

const outDir = mkdtempSync(join(tmpdir(), 'wupex-docs-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('docs', () => {
  test('builds index.html that embeds all five operations with their operationId and summary', { timeout: 60_000 }, async () => {
    const built = await buildDocs(outDir);
    expect(built).toEqual({ ok: true, value: join(outDir, 'index.html') });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const operations = listOperations(loadSpec());
    expect(operations).toHaveLength(5);
    // Redoc 3 prerenders the overview only; each operation's page is drawn from the definition embedded in the file.
    const missing = operations.filter(({ operationId, operation }) =>
      !html.includes(`"operationId":"${operationId}","summary":${JSON.stringify(operation.summary)}`));
    expect(missing.map((o) => o.operationId)).toEqual([]);
  });

  test('the page embeds Redoc and turns its telemetry off instead of loading from a CDN', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\/cdn\./);
    expect(html).not.toMatch(/import\s*\{[^}]*\}\s*from\s*"https?:/);
    expect(html).toContain('"disableTelemetry":true');
  });

  test('an unknown flag is a usage error (exit 2) that lists the valid flags', { timeout: 30_000 }, () => {
    const run = spawnSync(process.execPath, [...scriptEntry('docs'), '--bogus'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("[wupex-kit] USAGE: Unknown option '--bogus'\n  Valid flags: --out <value>, --help.");
  });
});
