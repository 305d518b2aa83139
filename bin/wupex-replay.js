#!/usr/bin/env node
// wupex-replay: the same CLI as `npm run replay`, from the compiled kit (npm run build); its hints name `npx wupex-*` commands.
process.env.WUPEX_KIT_BIN = 'wupex-replay';
await import('../dist/scripts/replay.js');
