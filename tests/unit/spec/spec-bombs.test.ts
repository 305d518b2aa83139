// Hostile specs (issue 17 #14): YAML alias and $ref fan-out bombs are refused quickly with a clear error, by the loader and the twin.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMockServer } from '../../../mocks/server.ts';
import { resolveSpec, SPEC_LIMITS } from '../../../src/spec/spec.ts';

/** Ten levels of nine aliases each: a 1 KB file whose naive expansion holds 9^10 (3.4 billion) leaves. */
function aliasBomb(): string {
  const lines = ['openapi: 3.1.0', 'info: { title: bomb, version: "1" }', 'paths: {}', 'x-bomb:', '  l0: &l0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 10; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** The same fan-out with $refs instead of aliases. */
function refBomb(): string {
  const schemas = ['    s0: { type: string }'];
  for (let i = 1; i <= 12; i++) schemas.push(`    s${i}: { type: array, prefixItems: [${Array(6).fill(`{ $ref: '#/components/schemas/s${i - 1}' }`).join(', ')}] }`);
  return `openapi: 3.1.0\ninfo: { title: bomb, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n${schemas.join('\n')}\n`;
}

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'wupex-bomb-')), 'spec.yaml');
  writeFileSync(path, text);
  return path;
}

describe('spec bombs', () => {
  test.each([['YAML alias', aliasBomb], ['$ref fan-out', refBomb]])('a %s bomb is refused naming the node bound', (_, make) => {
    const path = file(make());
    expect(() => resolveSpec(path)).toThrow(`expands to more than ${SPEC_LIMITS.maxResolvedNodes} nodes`);
  });

  test('the twin refuses to start on an alias bomb with SPEC_INVALID, not a hang', async () => {
    const created = await createMockServer({ specPath: file(aliasBomb()) }).then(
      (server) => ({ ok: true as const, server }),
      (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }),
    );
    if (created.ok) await created.server.close();
    expect(created.ok ? 'started' : created.message).toContain('SPEC_INVALID');
  });
});
