// The twin's admin surface, outside the WUPEX paths and absent from the spec: reset, state, and scenario routes; loopback origins only, never a key.
import { isLoopbackHost } from '../src/http/base-url.ts';
import { MOCK_PREFIX, type MockResponse } from './errors.ts';
import type { MockRequest } from './pipeline.ts';
import { applyScenario, parseScenario, SCENARIO_NOT_FOUND, type FaultQueue, type Scenario } from './scenario.ts';
import type { MockStore } from './store.ts';

export const ADMIN_PREFIX = '/__mock/';

/** What the admin routes act on; `reset` restores the fixtures, clears faults and re-applies the start scenario. */
export interface AdminDeps {
  store: MockStore;
  faults: FaultQueue;
  reset(): void;
}

/** Every admin route, for the 404 message and the start-up banner. */
export const ADMIN_ROUTES = [
  'POST /__mock/reset',
  'GET /__mock/state',
  'POST /__mock/accounts/{merchantCode} {"balance","credit"}',
  'POST /__mock/products/{sku} {"available","enabled"}',
  'POST /__mock/faults {"operation","status","count"}',
  'POST /__mock/scenario {accounts, products, faults}',
] as const;

const answer = (status: number, data: unknown): MockResponse => ({ status, headers: {}, body: { status: true, data } });

/** One path segment percent-decoded, or null when its escapes are malformed (`%zz`, a lone `%`): a 400, never a 500. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const refuse = (status: number, code: string, mockCode: string, message: string): MockResponse => ({
  status,
  headers: {},
  body: { status: false, error: { code, message: `${MOCK_PREFIX} ${mockCode}: ${message}` } },
});

/** A page open in the user's browser must not drive their twin: any Origin header must be a loopback origin. */
function originRefused(origin: string | undefined): MockResponse | undefined {
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).hostname;
  } catch {
    host = undefined;
  }
  if (host !== undefined && isLoopbackHost(host)) return undefined;
  return refuse(403, 'FORBIDDEN', 'ADMIN_ORIGIN_REFUSED', `admin routes answer only loopback origins; received Origin '${origin.slice(0, 100)}'. Call them from a script or curl on this machine.`);
}

function state(store: MockStore): MockResponse {
  const products = store.products();
  return answer(200, {
    accounts: store.summary(),
    products: { count: products.length, enabled: products.filter((p) => p.enabled).length, inStock: products.filter((p) => p.available > 0).length },
  });
}

/** Parse the JSON body of an admin POST into a scenario built by `build`, then apply it on top of the current state. */
function applyBody(request: MockRequest, deps: AdminDeps, build: (body: Record<string, unknown>) => unknown, single = false): MockResponse {
  let body: unknown;
  try {
    body = request.bodyText ? JSON.parse(request.bodyText) : {};
  } catch {
    return refuse(400, 'INVALID_PAYLOAD', 'ADMIN_BODY_INVALID', `${request.method} ${request.path} needs a JSON body.`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(400, 'INVALID_PAYLOAD', 'ADMIN_BODY_INVALID', `${request.method} ${request.path} needs a JSON object body.`);
  // A single-item route (accounts/{code}, products/{sku}, faults) names its body, not an `accounts[0]` the caller never wrote.
  const scenario = parseScenario(build(body as Record<string, unknown>), 'body', single ? () => `${request.method} ${request.path} body` : undefined);
  if (!scenario.ok) return refuse(400, 'INVALID_PAYLOAD', 'SCENARIO_INVALID', scenario.error.message.replace(/^\[wupex-mock\] SCENARIO_INVALID: /, ''));
  const applied = applyScenario(scenario.value as Scenario, deps.store, deps.faults);
  if (!applied.ok && applied.error.code !== SCENARIO_NOT_FOUND) return refuse(400, 'INVALID_PAYLOAD', 'SCENARIO_INVALID', applied.error.message.replace(/^\[wupex-mock\] SCENARIO_INVALID: /, ''));
  if (!applied.ok) return refuse(404, 'NOT_FOUND', 'SCENARIO_INVALID', applied.error.message.replace(/^\[wupex-mock\] SCENARIO_INVALID: /, ''));
  return state(deps.store);
}

/** Route one admin request; unknown routes list the valid ones. */
export function handleAdmin(request: MockRequest, deps: AdminDeps): MockResponse {
  const refused = originRefused(request.headers.origin);
  if (refused) return refused;
  const { method, path } = request;
  const [, , resource, rawName, extra] = path.split('/');
  const name = rawName === undefined ? undefined : decodeSegment(rawName);
  if (name === null) return refuse(400, 'INVALID_PAYLOAD', 'BAD_ESCAPE', `${method} ${path}: '${rawName?.slice(0, 100)}' is not a valid percent-encoded name; encode it with encodeURIComponent.`);
  if (method === 'POST' && path === '/__mock/reset') {
    deps.reset();
    return answer(200, { reset: true });
  }
  if (method === 'GET' && path === '/__mock/state') return state(deps.store);
  if (method === 'POST' && resource === 'accounts' && name && extra === undefined) {
    return applyBody(request, deps, (b) => ({ accounts: [{ ...b, merchantCode: name }] }), true);
  }
  if (method === 'POST' && resource === 'products' && name && extra === undefined) {
    return applyBody(request, deps, (b) => ({ products: [{ ...b, sku: name }] }), true);
  }
  if (method === 'POST' && path === '/__mock/faults') return applyBody(request, deps, (b) => ({ faults: [b] }), true);
  if (method === 'POST' && path === '/__mock/scenario') return applyBody(request, deps, (b) => b);
  const route = ADMIN_ROUTES.find((r) => new RegExp(`^[A-Z]+ ${r.split(' ')[1]!.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(`X ${path}`));
  if (route) return { ...refuse(405, 'METHOD_NOT_ALLOWED', 'METHOD_NOT_ALLOWED', `${method} ${path}; use ${route}.`), headers: { allow: route.split(' ')[0]! } };
  return refuse(404, 'NOT_FOUND', 'UNKNOWN_ADMIN_ROUTE', `${method} ${path}; use ${ADMIN_ROUTES.join(', ')}.`);
}
