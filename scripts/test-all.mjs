// `npm test`: the typecheck runs beside lint:spec → scan:secrets → vitest (a second core is otherwise idle); its output follows theirs.
// Plain JS so it starts without tsx. Exit code: the first failure's, else 0.
import { spawn } from 'node:child_process';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Run `npm run <script> [-- args]`; `capture` buffers its output (printed later) instead of passing it through.
 * @param {string} script
 * @param {boolean} capture
 * @returns {Promise<{ code: number, output: string }>}
 */
function npmRun(script, capture) {
  const child = spawn(NPM, ['run', '--silent', script], { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: process.platform === 'win32' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((done) => {
    child.once('error', (error) => done({ code: 1, output: `${output}${error.message}\n` }));
    child.once('close', (code) => done({ code: code ?? 1, output }));
  });
}

/** lint:spec, scan:secrets, then the vitest suite, stopping at the first failure (as `a && b && c`). */
async function sequence() {
  for (const script of ['lint:spec', 'scan:secrets', 'test:vitest']) {
    const { code } = await npmRun(script, false);
    if (code !== 0) return code;
  }
  return 0;
}

const [typecheck, rest] = await Promise.all([npmRun('typecheck', true), sequence()]);
process.stderr.write(typecheck.code === 0 ? 'typecheck: no errors\n' : `typecheck failed:\n${typecheck.output}`);
process.exitCode = typecheck.code !== 0 ? typecheck.code : rest;
