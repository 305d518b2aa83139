#!/usr/bin/env node
// wupex-doctor: the same CLI as `npm run doctor`, from the compiled kit (npm run build).
import '../dist/scripts/doctor.js';
