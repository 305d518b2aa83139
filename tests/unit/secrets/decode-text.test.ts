// The secret scan reads UTF-16 files (with or without a BOM) as text instead of skipping them as binary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../../src/secrets/decode-text.ts';
import { scanRepo } from '../../../src/secrets/scan-repo.ts';

// Built at run time so no realistic key sits in this file.
const KEY = ['Rt5', 'Jh2', 'Wq8', 'Mz4', 'Xc7', 'Bn3', 'Kp6'].join('');
const TEXT = `# settings\nWUPEX_API_KEY=${KEY}\n`;
const le = (text: string) => Buffer.from(text, 'utf16le');
const be = (text: string) => le(text).swap16();
const BOM_LE = Buffer.from([0xff, 0xfe]);
const BOM_BE = Buffer.from([0xfe, 0xff]);

describe('decodeText', () => {
  test.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-16 LE with BOM', Buffer.concat([BOM_LE, le(TEXT)])],
    ['UTF-16 BE with BOM', Buffer.concat([BOM_BE, be(TEXT)])],
    ['UTF-16 LE without BOM', le(TEXT)],
    ['UTF-16 BE without BOM', be(TEXT)],
  ])('%s is read as text', (_name, bytes) => {
    expect(decodeText(bytes)).toBe(TEXT);
  });

  test('a binary (NUL bytes without the UTF-16 pattern) is skipped', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]))).toBeUndefined();
  });
});

describe('scanRepo on UTF-16 files', () => {
  test('a key in a UTF-16 LE (BOM) and a UTF-16 BE file is found, file:line named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wupex-utf16-'));
    spawnSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'windows.env'), Buffer.concat([BOM_LE, le(TEXT)]));
    writeFileSync(join(dir, 'export.txt'), be(TEXT));
    const scanned = scanRepo({ cwd: dir });
    expect(scanned.ok && scanned.value.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(['export.txt:2:api-key-variable', 'windows.env:2:api-key-variable']);
  });
});
