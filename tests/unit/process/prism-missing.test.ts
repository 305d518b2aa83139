// --target prism in a consumer without @stoplight/prism-cli (an optional peer dependency): one message naming the exact
// install command, never a MODULE_NOT_FOUND stack; in the kit's repo the CLI is found.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PRISM_INSTALL, resolvePrismBin } from '../../../src/process/prism-cli.ts';
import pkg from '../../../package.json' with { type: 'json' };

describe('resolvePrismBin', () => {
  test('in the repo it finds the CLI entry', () => {
    const found = resolvePrismBin();
    expect(found.ok && found.value.endsWith(join('@stoplight', 'prism-cli', 'dist', 'index.js'))).toBe(true);
  });

  test('where nothing has it installed: PRISM_MISSING with the install command, pinned to the tested version', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-prism-'));
    const missing = resolvePrismBin([empty]);
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.error.code).toBe('PRISM_MISSING');
    expect(missing.error.hint).toBe(`Install it in your project: ${PRISM_INSTALL}`);
    expect(PRISM_INSTALL).toBe(`npm install --save-dev @stoplight/prism-cli@${pkg.devDependencies['@stoplight/prism-cli']}`);
    expect(`${missing.error.message} ${missing.error.hint}`).not.toMatch(/MODULE_NOT_FOUND|npm ci|\n\s+at /);
  });

  test('package.json declares it an optional peer dependency at the same version', () => {
    const peers = (pkg as { peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> });
    expect(peers.peerDependencies?.['@stoplight/prism-cli']).toBe(pkg.devDependencies['@stoplight/prism-cli']);
    expect(peers.peerDependenciesMeta?.['@stoplight/prism-cli']?.optional).toBe(true);
  });
});
