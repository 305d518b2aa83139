// The endpoints table of docs/contract.md lists exactly the spec's operations (method, path, operationId), in the spec's order.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/core/package-root.ts';
import { listOperations, loadSpec } from '../../../src/spec/spec.ts';

test('docs/contract.md endpoints table = the spec', () => {
  const readme = readFileSync(resolve(PACKAGE_ROOT, 'docs/contract.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| Method | Path | Operation |'));
  const rows = [...table.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE)` \| `([^`]+)` \| `(\w+)` \|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  expect(rows).toEqual(listOperations(loadSpec()).map((o) => `${o.label} ${o.operationId}`));
});
