#!/usr/bin/env node
// wupex-proxy: the same CLI as `npm run proxy`, from the compiled kit (npm run build).
import '../dist/scripts/proxy.js';
