#!/usr/bin/env node
// wupex-proxy: the same CLI as `npm run proxy`, from the compiled kit (npm run build); its hints name `npx wupex-*` commands.
process.env.WUPEX_KIT_BIN = 'wupex-proxy';
await import('../dist/scripts/proxy.js');
