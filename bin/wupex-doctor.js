#!/usr/bin/env node
// wupex-doctor: the same CLI as `npm run doctor`, from the compiled kit (npm run build); its hints name `npx wupex-*` commands.
process.env.WUPEX_KIT_BIN = 'wupex-doctor';
await import('../dist/scripts/doctor.js');
