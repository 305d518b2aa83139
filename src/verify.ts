// Public entry `wupex-contract/verify`: run the contract check catalogue against the twin, Prism, the sandbox or any base URL.
export { verify, type VerifyOptions, type VerifyReport, type VerifiedTarget } from '../scripts/lib/verify/run-verify.ts';
export { ALL_CHECKS } from '../tests/checks/index.ts';
export type { RunReport } from '../tests/checks/run-catalogue.ts';
export type { Finding } from '../tests/checks/check.ts';
