// The doctor's checks, in the order they print. An explicit list: adding a check means adding a line here.
import { dependencies } from './dependencies.ts';
import type { DoctorCheck } from './doctor-check.ts';
import { environment } from './environment.ts';
import { keyAccepted } from './key-accepted.ts';
import { nodeVersion } from './node-version.ts';
import { npmVersion } from './npm-version.ts';
import { sandboxReachable } from './sandbox-reachable.ts';
import { specLint } from './spec-lint.ts';
import { targetPairing } from './target-pairing.ts';
import { twinRunning } from './twin-running.ts';

export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  nodeVersion,
  npmVersion,
  dependencies,
  specLint,
  environment,
  targetPairing,
  sandboxReachable,
  keyAccepted,
  twinRunning,
];
