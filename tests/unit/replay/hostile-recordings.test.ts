// Replay and hostile recordings: every key a recording carries in clear is redacted (issue 17 #3); only regular files are read,
// and no byte of a file that is not a HAR is printed (#20).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createReporter } from '../../../src/cli/flags.ts';
import type { Har } from '../../../src/har/har.ts';
import { replayCommand } from '../../../src/replay/command.ts';
import { distinctiveKey, keyRunsIn } from '../../support/hostile-servers.ts';
import { kit } from '../../support/decided.ts';

const KEY = distinctiveKey();

/** replayCommand as npm run replay calls it, its output captured: the exit code and everything printed. */
function run(argv: string[]): { code: number; output: string } {
  const written: string[] = [];
  const reporter = createReporter({ secrets: [], out: (t) => written.push(t), err: (t) => written.push(t), tty: false });
  return { code: replayCommand(argv, reporter), output: written.join('') };
}

describe('replay and keys in recordings', () => {
  test('a recording from another tool holding the key in clear, echoed in an answer, never shows it', () => {
    const har = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../recordings/twin-reference.har'), 'utf8')) as Har;
    const entry = har.log.entries[0]!;
    entry.request.headers = [...entry.request.headers.filter((h) => h.name.toLowerCase() !== 'x-api-key'), { name: 'x-api-key', value: KEY }];
    // A 429 whose Retry-After is the key: conformance.response-headers quotes the value it received (a Retry-After the
    // decisions say is not sent: headers.retry-after quotes it).
    entry.response.status = 429;
    entry.response.headers = [...entry.response.headers.filter((h) => h.name.toLowerCase() !== 'retry-after'), { name: 'Retry-After', value: KEY }];
    entry.response.content.text = JSON.stringify({ status: false, error: { code: 'TOO_MANY_REQUESTS', message: `Slow down, ${KEY}` } });
    har.log.entries = [entry];
    const dir = mkdtempSync(join(tmpdir(), 'wupex-replay-keys-'));
    writeFileSync(join(dir, 'other-tool.har'), JSON.stringify(har));
    const json = join(dir, 'report.json');
    const junit = join(dir, 'report.xml');
    const result = run([join(dir, 'other-tool.har'), '--report', `json=${json}`, '--report', `junit=${junit}`]);
    expect(result.code, result.output).toBe(1);
    const everything = result.output + readFileSync(json, 'utf8') + readFileSync(junit, 'utf8');
    expect(everything).toContain(kit.retryAfter.send ? 'FAIL conformance.response-headers' : 'FAIL headers.retry-after');
    expect(everything).toContain('[REDACTED]');
    expect(keyRunsIn(everything, KEY)).toEqual([]);
  });
});

describe('replay reads only recordings (issue 17 #20)', () => {

  test('a .har symlink to a secret file is refused without printing a byte of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-replay-link-'));
    const secret = join(dir, 'shadow');
    writeFileSync(secret, 'root:$6$SECRETHASHVALUE:19000:0:99999:7:::\n');
    symlinkSync(secret, join(dir, 'looks.har'));
    const result = run([join(dir, 'looks.har')]);
    expect(result.code).toBe(2);
    expect(result.output).toContain('is not a HAR recording: it');
    expect(result.output).not.toMatch(/root|SECRETHASH|\$6\$/);
  });

  test('a FIFO named .har is refused at once, not read (which would block forever)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-replay-fifo-'));
    execFileSync('mkfifo', [join(dir, 'pipe.har')]);
    const result = run([join(dir, 'pipe.har')]);
    expect(result.code).toBe(2);
    expect(result.output).toContain('is not a regular file');
  });
});

describe('replay reports (issue 17 #12)', () => {
  const reference = resolve(import.meta.dirname, '../../recordings/twin-reference.har');

  test('a report path equal to a recording read is refused and the recording is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-replay-same-'));
    const copy = join(dir, 'rec.har');
    writeFileSync(copy, readFileSync(reference));
    const result = run([copy, '--report', `json=${copy}`]);
    expect(result.code).toBe(2);
    expect(result.output).toContain('is one of the recordings replayed');
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(reference, 'utf8'));
  });

  test('an unwritable report path is exit 2 with a clear message, after the count line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-replay-unwritable-'));
    writeFileSync(join(dir, 'file'), 'x');
    const result = run([reference, '--report', `junit=${join(dir, 'file', 'report.xml')}`]);
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/passed, \d+ failed/);
    expect(result.output).toContain('REPORT_NOT_WRITTEN: Could not write the report');
  });
});

describe('entries HAR 1.2 allows but the kit did not write (issue 17 #19)', () => {
  test('base64 content is decoded and judged; a relative URL and an answer not recorded are reported per entry, exit 2, no stack trace', () => {
    const har = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../recordings/twin-reference.har'), 'utf8')) as Har;
    const [first, second, third] = har.log.entries;
    const encoded = structuredClone(first!);
    const content = encoded.response.content as typeof encoded.response.content & { encoding?: string };
    content.text = Buffer.from(content.text).toString('base64');
    content.encoding = 'base64';
    const relative = structuredClone(second!);
    relative.request.url = '/api/order/list';
    const unrecorded = structuredClone(third!);
    delete (unrecorded.response.content as { text?: string }).text;
    har.log.entries = [encoded, relative, unrecorded];
    const dir = mkdtempSync(join(tmpdir(), 'wupex-replay-har12-'));
    writeFileSync(join(dir, 'browser.har'), JSON.stringify(har));
    const result = run([join(dir, 'browser.har')]);
    expect(result.code, result.output).toBe(2);
    expect(result.output).toMatch(/^\[wupex-kit\] Replaying 1 recorded exchanges/m);
    expect(result.output).toMatch(/PASS schema\.response-body GET \/api\/customer\/balance/);
    expect(result.output).toMatch(/HAR_ENTRY_INVALID: .*browser\.har entry 2: request\.url is not an absolute http\(s\) URL/);
    expect(result.output).toMatch(/HAR_ENTRY_INVALID: .*browser\.har entry 3: response\.content\.text is missing/);
    expect(result.output).not.toMatch(/\n\s+at |ERR_INVALID_URL/);
  });
});
