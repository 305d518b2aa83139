#!/usr/bin/env node
// wupex-mock: the same CLI as `npm run mock`, from the compiled kit (npm run build); its hints name `npx wupex-*` commands.
process.env.WUPEX_KIT_BIN = 'wupex-mock';
await import('../dist/scripts/mock.js');
