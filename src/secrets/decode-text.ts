// Turns a file's bytes into text for the secret scan: UTF-8, or UTF-16 (LE/BE, with or without BOM); binaries are skipped.

/** Bytes looked at to decide whether a file is binary or UTF-16. */
export const DECODE_DEFAULTS = { sniffBytes: 8000, utf16ZeroShare: 0.9 } as const;

/** Share of the bytes at even (or odd) offsets that are 0: ASCII text in UTF-16 has one zero byte per character. */
function zeroShare(sample: Buffer, parity: 0 | 1): number {
  let zeros = 0;
  let total = 0;
  for (let i = parity; i < sample.length; i += 2) {
    total += 1;
    if (sample[i] === 0) zeros += 1;
  }
  return total === 0 ? 0 : zeros / total;
}

/** UTF-16 BE → LE by swapping each byte pair. */
function swapped(buffer: Buffer): Buffer {
  const copy = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
  return copy.swap16();
}

/**
 * The text of a file, or undefined when it is binary. A UTF-16 file (Windows editors, PowerShell `>` redirection)
 * is decoded, not skipped: a key saved that way must not slip past the scan because of its NUL bytes.
 */
export function decodeText(buffer: Buffer): string | undefined {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return swapped(buffer.subarray(2)).toString('utf16le');
  const sample = buffer.subarray(0, DECODE_DEFAULTS.sniffBytes);
  if (!sample.includes(0)) return buffer.toString('utf8');
  if (zeroShare(sample, 1) >= DECODE_DEFAULTS.utf16ZeroShare && zeroShare(sample, 0) === 0) return buffer.toString('utf16le');
  if (zeroShare(sample, 0) >= DECODE_DEFAULTS.utf16ZeroShare && zeroShare(sample, 1) === 0) return swapped(buffer).toString('utf16le');
  return undefined;
}
