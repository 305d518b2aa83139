import { describe, expect, test } from 'vitest';
import { HANDLERS } from '../../../../mocks/handlers/index.ts';
import { listOperations, loadSpec } from '../../../../src/spec/spec.ts';

describe('HANDLERS', () => {
  test('has exactly one handler per spec operationId', () => {
    const ids = listOperations(loadSpec()).map((op) => op.operationId).sort();
    expect(Object.keys(HANDLERS).sort()).toEqual(ids);
  });
});
