// The reference recording (tests/recordings/twin-reference.har): the sample traffic through the proxy to the twin, from the
// kit's spec and decisions as they are on disk, reproducible (a seed and a fixed clock). Written by npm run gen:recording,
// and by npm run adopt after it changes the kit's own spec, so the recording never shows a twin the spec no longer describes.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { err, ok, type Result } from '../core/result.ts';
import { createProxy } from './proxy-server.ts';
import { sendSampleTraffic, type SampleAnswer } from './sample-traffic.ts';

export const REFERENCE_RECORDING = {
  dir: resolve(PACKAGE_ROOT, 'tests/recordings'),
  fileName: 'twin-reference.har',
  epoch: Date.UTC(2026, 0, 1),
  seed: 1,
} as const;

export const REFERENCE_RECORDING_PATH = join(REFERENCE_RECORDING.dir, REFERENCE_RECORDING.fileName);

export interface Recorded {
  path: string;
  answers: SampleAnswer[];
  /** Steps the twin answered otherwise than the decisions say (a twin bug when not empty). */
  unexpected: SampleAnswer[];
}

/**
 * Record the sample traffic into a fresh folder beside the reference, then move the file over it: an interrupted run
 * leaves the old recording whole. Same seed, same spec and decisions: the same bytes.
 */
export async function writeReferenceRecording(seed: number = REFERENCE_RECORDING.seed): Promise<Result<Recorded>> {
  const staging = mkdtempSync(join(REFERENCE_RECORDING.dir, '.recording-'));
  try {
    let tick = 0;
    const built = await createProxy({
      upstream: 'mock',
      log: () => undefined,
      twin: { seed, fixedNowMs: REFERENCE_RECORDING.epoch },
      record: { dir: staging, fileName: REFERENCE_RECORDING.fileName, clock: () => new Date(REFERENCE_RECORDING.epoch + (tick += 1000)), dropResponseHeaders: ['date'], zeroTimings: true, comment: `npm run gen:recording -- --seed ${seed}: the sample traffic through npm run proxy -- --upstream mock` },
    });
    if (!built.ok) return built;
    const address = await built.value.listen(0, '127.0.0.1');
    const answers = await sendSampleTraffic(address.url);
    const closed = await built.value.close();
    if (!closed.ok) return err(closed.error);
    renameSync(join(staging, REFERENCE_RECORDING.fileName), REFERENCE_RECORDING_PATH);
    return ok({ path: REFERENCE_RECORDING_PATH, answers, unexpected: answers.filter((a) => a.status !== a.step.expect) });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
