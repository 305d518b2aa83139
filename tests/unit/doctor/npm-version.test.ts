// Doctor check `npm`: lockfile v3 needs npm 7; the README asks for npm 10.
import { describe, expect, test } from 'vitest';
import { npmVersion } from '../../../src/doctor/npm-version.ts';
import { testContext } from './fixtures.ts';

describe('npm', () => {
  test.each([
    ['10.9.0', 'ok'],
    ['11.19.1', 'ok'],
    ['9.8.1', 'warn'],
    ['6.14.18', 'fail'],
    [undefined, 'warn'],
  ])('npm %s is %s', (version, status) => {
    expect(npmVersion.run(testContext({ npmVersion: () => version }))).toMatchObject({ status });
  });

  test('too old to read the lockfile says how to upgrade', () => {
    expect(npmVersion.run(testContext({ npmVersion: () => '6.14.18' }))).toEqual({
      status: 'fail',
      what: 'npm 6.14.18 cannot read package-lock.json v3',
      fix: 'Upgrade: npm install -g npm@10, then npm ci.',
    });
  });
});
