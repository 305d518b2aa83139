// The layering rules (.dependency-cruiser.cjs) catch each wrong arrow, named: a tiny tree with one violation per rule is cruised.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs'));

/** file → its source; each import is one arrow of the fixture tree. */
const TREE: Record<string, string> = {
  'src/core/result.ts': "import '../../mocks/server.ts';\n",
  'mocks/server.ts': "import '../src/contract/run.ts';\nimport '../scripts/mock.ts';\n",
  'src/contract/run.ts': "import '../../tests/support/helper.ts';\nimport 'node:https';\n",
  'scripts/mock.ts': "import '../src/a.ts';\n",
  'src/a.ts': "import './b.ts';\n",
  'src/b.ts': "import './a.ts';\n",
  'tests/support/helper.ts': 'export {};\n',
};

describe('layering', () => {
  test('each rule reports its own violation, naming the rule and the import', async () => {
    const base = mkdtempSync(join(tmpdir(), 'wupex-layering-'));
    for (const [file, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(base, file)), { recursive: true });
      writeFileSync(join(base, file), text);
    }
    const result = await cruise(['src', 'mocks', 'scripts', 'tests'], { ruleSet: { forbidden: config.forbidden }, baseDir: base, tsPreCompilationDeps: true, validate: true, enhancedResolveOptions: config.options.enhancedResolveOptions });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    const seen = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(seen).toEqual(expect.arrayContaining([
      'base-below-twin: src/core/result.ts -> mocks/server.ts',
      'twin-below-engine: mocks/server.ts -> src/contract/run.ts',
      'no-commands-from-library: mocks/server.ts -> scripts/mock.ts',
      'no-tests-from-product: src/contract/run.ts -> tests/support/helper.ts',
      'one-outbound-path: src/contract/run.ts -> https',
      'no-circular: src/a.ts -> src/b.ts',
    ]));
  });
});
