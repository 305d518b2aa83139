#!/usr/bin/env node
// wupex-verify: the same CLI as `npm run verify`, from the compiled kit (npm run build); its hints name `npx wupex-*` commands.
process.env.WUPEX_KIT_BIN = 'wupex-verify';
await import('../dist/scripts/verify.js');
