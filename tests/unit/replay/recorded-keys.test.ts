// Replay redacts every key its recordings carry in clear (issue 17 #3), not only WUPEX_API_KEY: lines, JSON and JUnit.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createReporter } from '../../../src/cli/flags.ts';
import type { Har } from '../../../src/har/har.ts';
import { replayCommand } from '../../../src/replay/command.ts';
import { distinctiveKey, keyRunsIn } from '../../support/hostile-servers.ts';

const KEY = distinctiveKey();

describe('replay and keys in recordings', () => {
  test('a recording from another tool holding the key in clear, echoed in an answer, never shows it', () => {
    const har = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../recordings/twin-reference.har'), 'utf8')) as Har;
    const entry = har.log.entries[0]!;
    entry.request.headers = [...entry.request.headers.filter((h) => h.name.toLowerCase() !== 'x-api-key'), { name: 'x-api-key', value: KEY }];
    // A 429 whose Retry-After is the key: conformance.response-headers quotes the value it received.
    entry.response.status = 429;
    entry.response.headers = [...entry.response.headers.filter((h) => h.name.toLowerCase() !== 'retry-after'), { name: 'Retry-After', value: KEY }];
    entry.response.content.text = JSON.stringify({ status: false, error: { code: 'TOO_MANY_REQUESTS', message: `Slow down, ${KEY}` } });
    har.log.entries = [entry];
    const dir = mkdtempSync(join(tmpdir(), 'wupex-replay-keys-'));
    writeFileSync(join(dir, 'other-tool.har'), JSON.stringify(har));
    const written: string[] = [];
    const reporter = createReporter({ secrets: [], out: (t) => written.push(t), err: (t) => written.push(t), tty: false });
    const json = join(dir, 'report.json');
    const junit = join(dir, 'report.xml');
    const code = replayCommand([join(dir, 'other-tool.har'), '--report', `json=${json}`, '--report', `junit=${junit}`], reporter);
    expect(code, written.join('')).toBe(1);
    const everything = written.join('') + readFileSync(json, 'utf8') + readFileSync(junit, 'utf8');
    expect(everything).toContain('FAIL conformance.response-headers');
    expect(keyRunsIn(everything, KEY)).toEqual([]);
  });
});
