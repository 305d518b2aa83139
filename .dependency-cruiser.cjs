// The house's layering, checked by dependency-cruiser in `npm test` (npm run lint:deps); docs/architecture.md draws it.
// Layers, bottom up: openapi/ (the contract) <- src base folders (core, spec, secrets, http, har, cli, process)
// <- mocks/ (the twin) <- src engine folders (contract, client, proxy, replay, doctor, bench, publish, spec-diff) and the entry points
// src/*.ts <- scripts/ (one file per command). tests/ may import anything; nothing imports tests/.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make load order matter and layers meaningless.', from: {}, to: { circular: true } },
    { name: 'no-tests-from-product', severity: 'error', comment: 'Only tests/ imports tests/: product code never depends on test code.', from: { pathNot: '^tests/' }, to: { path: '^tests/' } },
    { name: 'independent-servers-stand-alone', severity: 'error', comment: 'tests/support/independent/ holds servers written from the spec, not from the twin: they import node: modules, each other, and types only (profile.ts, the test profiles built from the kit, aside).', from: { path: '^tests/support/independent/', pathNot: '^tests/support/independent/profile\\.ts$' }, to: { pathNot: '^tests/support/independent/', dependencyTypesNot: ['core', 'type-only'] } },
    { name: 'independent-servers-not-the-profiles', severity: 'error', comment: 'The independent server reads only its ServerProfile (server-profile.ts): none of its files imports profile.ts, which reads the kit.', from: { path: '^tests/support/independent/', pathNot: '^tests/support/independent/profile\\.ts$' }, to: { path: '^tests/support/independent/profile\\.ts$' } },
    { name: 'independent-servers-not-the-twin', severity: 'error', comment: 'The independent servers never touch the twin, not even its types: what they share with it must come from the spec.', from: { path: '^tests/support/independent/' }, to: { path: '^mocks/' } },
    { name: 'no-commands-from-library', severity: 'error', comment: 'scripts/ holds commands: src/ and mocks/ never import them (arrows go scripts/ -> src/).', from: { path: '^(src|mocks|openapi)/' }, to: { path: '^scripts/' } },
    { name: 'base-below-twin', severity: 'error', comment: 'The base folders of src/ are what the twin stands on: they never import the twin or the engine above it.', from: { path: '^src/(core|spec|http|har|cli|process)/|^src/secrets/redact\\.ts$' }, to: { path: '^(mocks/|src/(contract|client|proxy|replay|doctor|bench|publish|spec-diff|adopt)/|src/[^/]+\\.ts$)' } },
    { name: 'twin-below-engine', severity: 'error', comment: 'The twin (mocks/) uses only src base folders and openapi/, never the engine or the public entry points that wrap it.', from: { path: '^mocks/' }, to: { path: '^src/(contract|client|proxy|replay|doctor|bench|publish|spec-diff|adopt)/|^src/[^/]+\\.ts$' } },
    { name: 'one-outbound-path', severity: 'error', comment: 'Only src/http makes outbound HTTP requests (https, undici); servers (twin, proxy) may use node:http for listening, and the proxy hands its keep-alive agents to src/http.', from: { path: '^(src|mocks|scripts)/', pathNot: '^src/http/|^src/proxy/forward\\.ts$' }, to: { dependencyTypes: ['core', 'npm', 'npm-dev'], path: '^(node:)?https$|^undici$' } },
    { name: 'http-only-for-servers', severity: 'error', comment: 'node:http outside src/http only to listen (the twin, the proxy) or for the proxy\'s agents.', from: { path: '^(src|mocks|scripts)/', pathNot: '^src/http/|^src/proxy/(forward|proxy-server)\\.ts$|^mocks/node-adapter\\.ts$' }, to: { dependencyTypes: ['core'], path: '^(node:)?http$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.json'] },
  },
};
