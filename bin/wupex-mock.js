#!/usr/bin/env node
// wupex-mock: the same CLI as `npm run mock`, from the compiled kit (npm run build).
import '../dist/scripts/mock.js';
