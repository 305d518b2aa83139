#!/usr/bin/env node
// wupex-verify: the same CLI as `npm run verify`, from the compiled kit (npm run build).
import '../dist/scripts/verify.js';
