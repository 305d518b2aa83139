// Doctor check `node`: engines.node is read from package.json and compared with the running version.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { meetsMinimum, nodeVersion } from '../../../src/doctor/node-version.ts';
import { testContext } from './fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'doctor-node-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('meetsMinimum', () => {
  test.each([
    ['20.0.0', '>=20', true],
    ['20.20.2', '>=20', true],
    ['22.1.0', '>= 20.5', true],
    ['19.9.9', '>=20', false],
    ['20.4.0', '>=20.5', false],
    ['20.0.0', '^20', true],
    ['20.18.3', '^20.19.0 || >=22.12.0', false],
    ['20.19.0', '^20.19.0 || >=22.12.0', true],
    ['21.7.3', '^20.19.0 || >=22.12.0', false],
    ['22.11.0', '^20.19.0 || >=22.12.0', false],
    ['24.1.0', '^20.19.0 || >=22.12.0', true],
    ['21.0.0', '>=22.12.0 || >=20.19.0 <21.0.0', false],
    ['20.0.0', '~20', undefined],
  ])('%s against %s is %s', (version, range, want) => {
    expect(meetsMinimum(version, range)).toBe(want);
  });
});

describe('node', () => {
  test('the repository engines range with Node 20 is ok', () => {
    expect(nodeVersion.run(testContext({ nodeVersion: '20.20.2' }))).toEqual({ status: 'ok', what: 'Node 20.20.2 (engines.node "^20.19.0 || >=22.13.0")' });
  });

  test('Node 18 fails with the install fix', () => {
    writeFileSync(join(root, 'package.json'), JSON.stringify({ engines: { node: '>=20' } }));
    expect(nodeVersion.run(testContext({ root, nodeVersion: '18.19.0' }))).toEqual({
      status: 'fail',
      what: 'Node 18.19.0 does not satisfy engines.node ">=20"',
      fix: 'Install Node 20.19+ or 22.13+ (nvm install, which reads .nvmrc), then npm ci.',
    });
  });
});
