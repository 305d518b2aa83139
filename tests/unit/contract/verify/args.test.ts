// verify's flags: parsed once, invalid values named with the valid ones, the key never accepted as a flag.
import { describe, expect, test } from 'vitest';
import { keyArgumentValues, parseVerifyArgs } from '../../../../src/contract/verify/args.ts';
import { toJUnit } from '../../../../src/contract/report/junit.ts';

const CHECKS = ['auth.missing-key', 'envelope.shape'];

describe('parseVerifyArgs', () => {
  test('defaults', () => {
    expect(parseVerifyArgs([], CHECKS)).toEqual({ ok: true, value: { target: undefined, baseUrl: undefined, allowOrders: false, junit: undefined, json: undefined, seed: 1, runs: 10, checks: undefined, waitMs: 5000, help: false, limits: { timeoutMs: 10_000, deadlineMs: 30_000, maxResponseBytes: 8 * 1024 * 1024 } } });
  });

  test('every flag', () => {
    const args = ['--target', 'sandbox', '--allow-orders', '--report', 'junit=out.xml', '--seed', '7', '--runs', '3', '--check', 'envelope.shape', '--decisions', 'alt.yaml'];
    expect(parseVerifyArgs(args, CHECKS)).toMatchObject({ ok: true, value: { target: 'sandbox', allowOrders: true, junit: 'out.xml', seed: 7, runs: 3, checks: ['envelope.shape'], decisions: 'alt.yaml' } });
    expect(parseVerifyArgs(['--report', 'json=r.json', '--report', 'junit=r.xml'], CHECKS)).toMatchObject({ ok: true, value: { json: 'r.json', junit: 'r.xml' } });
  });

  test('the outbound limits: --timeout, --deadline, --max-response-bytes', () => {
    const args = ['--timeout', '2000', '--deadline', '5000', '--max-response-bytes', '1048576'];
    expect(parseVerifyArgs(args, CHECKS)).toMatchObject({ ok: true, value: { limits: { timeoutMs: 2000, deadlineMs: 5000, maxResponseBytes: 1048576 } } });
  });

  test.each([
    [['--runs', '0'], "--runs must be an integer from 1 to 1000; received '0'."],
    [['--seed', 'x'], "--seed must be an integer from 0 to 4294967295; received 'x'."],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--report', 'html=x'], '--report "html=x" is not supported.'],
    [['--check', 'nope'], 'Unknown --check "nope".'],
    [['--key=abc'], 'The API key is never passed as an argument.'],
    [['--timeout', '50'], "--timeout must be an integer from 100 to 3600000; received '50'."],
    [['--deadline', 'soon'], "--deadline must be an integer from 100 to 3600000; received 'soon'."],
    [['--max-response-bytes', '10'], "--max-response-bytes must be an integer from 1024 to 1073741824; received '10'."],
  ])('%j is a usage error', (argv, message) => {
    const result = parseVerifyArgs(argv, CHECKS);
    expect(result.ok ? undefined : result.error.message).toBe(message);
  });

  test('the values after key-like flags are collected, so the reporter redacts them', () => {
    expect(keyArgumentValues(['--api-key', 's3cret-1', '--key=s3cret-2', '--runs', '2'])).toEqual(['s3cret-1', 's3cret-2']);
  });
});

describe('toJUnit', () => {
  test('counts, escapes and redacts', () => {
    const xml = toJUnit('suite', [
      { classname: 'a.b', name: 'GET /x', status: 'PASS' },
      { classname: 'a.c', name: 'GET /x', status: 'SKIP', message: 'no <state>' },
      { classname: 'a.d', name: 'GET /x', status: 'FAIL', message: 'Title', details: 'got SECRET-KEY & more' },
    ], (t) => t.split('SECRET-KEY').join('[REDACTED]'));
    expect(xml).toContain('<testsuite name="suite" tests="3" failures="1" errors="0" skipped="1">');
    expect(xml).toContain('<skipped message="no &lt;state&gt;"/>');
    expect(xml).toContain('<failure message="Title">got [REDACTED] &amp; more</failure>');
  });
});
