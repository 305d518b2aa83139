// Public entry `wupex-contract/msw`: msw (2.x) handlers answering WUPEX requests from an in-process twin.
export { wupexHandlers, type WupexHandlersOptions } from '../mocks/msw-handlers.ts';
