// What every script shares: flag parsing with usage errors that list the valid flags, and the one redacting reporter.
import { describe, expect, test } from 'vitest';
import { createReporter, integerFlag, parseFlags } from '../../../src/cli/flags.ts';

const OPTIONS = { out: { type: 'string' }, help: { type: 'boolean' } } as const;

describe('parseFlags', () => {
  test('parses known flags', () => {
    expect(parseFlags(['--out', 'x', '--help'], OPTIONS)).toEqual({ ok: true, value: { out: 'x', help: true } });
  });

  test('an unknown flag is a USAGE error listing the valid flags', () => {
    expect(parseFlags(['--bogus'], OPTIONS)).toEqual({
      ok: false,
      error: { code: 'USAGE', message: "Unknown option '--bogus'", hint: 'Valid flags: --out <value>, --help.' },
    });
  });

  test('a stray argument is refused without echoing it (it could be a pasted key)', () => {
    const result = parseFlags(['Kx9-pasted-key-value'], OPTIONS);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Kx9-pasted-key-value');
  });
});

describe('integerFlag', () => {
  test.each([
    [undefined, { ok: true, value: 3 }],
    ['7', { ok: true, value: 7 }],
  ])('%s', (raw, want) => {
    expect(integerFlag('runs', raw, { min: 1, max: 10, fallback: 3 })).toEqual(want);
  });

  test.each(['0', '11', '2.5', 'x', ''])('%j is out of range or not an integer', (raw) => {
    const result = integerFlag('runs', raw, { min: 1, max: 10, fallback: 3 });
    expect(result.ok ? undefined : result.error.message).toBe(`--runs must be an integer from 1 to 10; received '${raw}'.`);
  });
});

describe('createReporter', () => {
  test('prefixes info and errors, and redacts every line it writes', () => {
    const out: string[] = [];
    const err: string[] = [];
    const key = 'Kx9-distinctive-reporter-key'; // scan-secrets: allow (a deliberate fake key)
    const reporter = createReporter({ secrets: [key], out: (t) => out.push(t), err: (t) => err.push(t) });
    reporter.line(`plain ${key}`);
    reporter.info(`info ${key}`);
    reporter.error({ code: 'CONFIG_INVALID', message: `bad ${key}`, hint: `unset ${key}` });
    expect(out).toEqual(['plain [REDACTED]\n']);
    expect(err).toEqual(['[wupex-kit] info [REDACTED]\n', '[wupex-kit] CONFIG_INVALID: bad [REDACTED]\n  unset [REDACTED]\n']);
  });

  test('progress overwrites itself on a terminal and is silent otherwise (CI logs stay clean)', () => {
    const tty: string[] = [];
    const pipe: string[] = [];
    createReporter({ secrets: [], err: (t) => tty.push(t), tty: true }).progress('3 checks left');
    createReporter({ secrets: [], err: (t) => tty.push(t), tty: true }).progress('');
    createReporter({ secrets: [], err: (t) => pipe.push(t), tty: false }).progress('3 checks left');
    expect(tty).toEqual(['\r[wupex-kit] 3 checks left\x1b[K', '\r\x1b[K']);
    expect(pipe).toEqual([]);
  });
});
