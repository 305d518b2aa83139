// Public entry `wupex-contract/verify`: run the contract check catalogue against the twin, Prism, the sandbox or any base URL.
export { verify, type VerifyOptions, type VerifiedTarget } from '../scripts/lib/verify/verify.ts';
export type { VerifyResult } from '../scripts/lib/verify/run-verify.ts';
export type { VerifyReport } from '../scripts/lib/verify/report.ts';
export { ALL_CHECKS } from '../tests/checks/index.ts';
export type { Finding } from '../tests/checks/check.ts';
