// msw handlers that answer WUPEX requests from an in-process twin: an app calling the sandbox URL is served offline, its URL unchanged.
import { http, type HttpHandler } from 'msw';
import { serverUrlOf } from '../src/http/base-url.ts';
import { loadSpec } from '../src/spec/spec.ts';
import { createMockServer, type MockServer, type MockServerOptions } from './server.ts';

export interface WupexHandlersOptions extends MockServerOptions {
  /** The origin your app calls; default the sandbox server of the spec (https://sandbox-service.wupex.com). */
  baseUrl?: string;
  /** Share a twin you built (to reset it or read its store); default one built on the first request. */
  twin?: MockServer | Promise<MockServer>;
}

/** Handlers for `setupServer(...wupexHandlers())`: every method and path under `baseUrl` goes to the twin's fetch. */
export function wupexHandlers(options: WupexHandlersOptions = {}): HttpHandler[] {
  const { baseUrl, twin, ...serverOptions } = options;
  const origin = (baseUrl ?? serverUrlOf('sandbox', loadSpec()) ?? '').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(origin)) throw new Error(`[wupex-kit] CONFIG_INVALID: wupexHandlers baseUrl '${origin}' is not an http(s) URL; pass e.g. { baseUrl: 'https://sandbox-service.wupex.com' }.`);
  let server: Promise<MockServer> | undefined = twin === undefined ? undefined : Promise.resolve(twin);
  const serve = async ({ request }: { request: Request }): Promise<Response> => {
    server ??= createMockServer(serverOptions);
    return (await server).fetch(request);
  };
  return [http.all(`${origin}/*`, serve)];
}
