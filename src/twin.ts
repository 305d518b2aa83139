// Public entry `wupex-contract/twin`: the offline twin in-process (createMockServer) and in your tests (useWupexTwin, startWupexTwin).
export { createMockServer, MOCK_DEFAULTS, type MockServer, type MockServerOptions, type MockAccount, type MockStore, type Scenario } from '../mocks/server.ts';
export { useWupexTwin, startWupexTwin, type WupexTwin, type TwinHooks, type UseWupexTwinOptions } from '../mocks/use-wupex-twin.ts';
export { DEMO_ACCOUNTS } from '../mocks/demo-accounts.ts';
export { ADMIN_ROUTES } from '../mocks/admin.ts';
