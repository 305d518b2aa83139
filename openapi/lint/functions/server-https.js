// wupex-server-https: every server URL is https, except the loopback twin (keys never travel over plain http).
// @ts-check

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Spectral function. Given one server object, reports an http URL whose host is not loopback,
 * and any scheme other than http/https.
 * @param {unknown} server
 * @param {unknown} _options
 * @param {{ path: (string | number)[] }} context
 * @returns {{ message: string, path: (string | number)[] }[]}
 */
export default function serverHttps(server, _options, context) {
  const url = /** @type {{ url?: unknown }} */ (server ?? {}).url;
  const path = [...context.path, 'url'];
  if (typeof url !== 'string') return [{ message: 'Server has no url.', path }];
  /** @type {URL} */
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return [{ message: `Server url "${url}" is not an absolute URL.`, path }];
  }
  if (parsed.protocol === 'https:') return [];
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return [];
  return [{ message: `Server url "${url}" must use https (plain http is allowed only on loopback: 127.0.0.1, localhost, [::1]).`, path }];
}
