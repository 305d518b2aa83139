// Public entry `wupex-contract/verify`: run the contract check catalogue against the twin, Prism, the sandbox or any base URL.
export { verify, type VerifyOptions, type VerifiedTarget } from './contract/verify/verify.ts';
export type { VerifyResult } from './contract/verify/run-verify.ts';
export type { VerifyReport } from './contract/report/report.ts';
export { ALL_CHECKS } from './contract/checks/index.ts';
export type { Finding } from './contract/checks/check.ts';
