// `npm test`: typecheck, lint:deps (layering) and scan:secrets run beside the vitest suite (each alone leaves a core idle); their output follows it.
// The spec lint is in the suite already, twice: tests/unit/lint/ruleset.test.ts (the same ruleset, in-process) and the doctor's
// spec-lint check (the exact `npm run lint:spec` command); a third run here cost the suite about 2 s on 2 cores.
// Plain JS so it starts without tsx. Exit code: the first failing check's, else the suite's.
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

const checks = ['typecheck', 'lint:deps', 'scan:secrets'];
const [suite, ...captured] = await Promise.all([npmRun('test:vitest', false), ...checks.map((script) => npmRun(script, true))]);
for (const [i, run] of captured.entries()) process.stderr.write(run.code === 0 ? `${checks[i]}: ok\n` : `${checks[i]} failed:\n${run.output}`);
process.exitCode = [...captured, suite].find((run) => run.code !== 0)?.code ?? 0;
