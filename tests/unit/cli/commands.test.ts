// Hints name the command the user has: `npm run X` in the repo, `npx wupex-X` when started through a kit bin.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { commandStyle, forUser, KIT_BINS, REPO_ONLY_NOTE } from '../../../src/cli/commands.ts';
import { createReporter } from '../../../src/cli/flags.ts';
import { kitError } from '../../../src/core/result.ts';
import pkg from '../../../package.json' with { type: 'json' };

describe('commands named in hints', () => {
  test('a kit bin (WUPEX_KIT_BIN) means npx; npm run otherwise', () => {
    expect(commandStyle({ WUPEX_KIT_BIN: 'wupex-verify' })).toBe('npx');
    expect(commandStyle({ npm_lifecycle_event: 'verify' })).toBe('npm');
  });

  test('npm run X -- flags becomes npx wupex-X flags; a command without a bin says it runs in a clone of the kit', () => {
    expect(forUser('Start the twin first (npm run mock -- --port 4010), then npm run doctor.', 'npx')).toBe('Start the twin first (npx wupex-mock --port 4010), then npx wupex-doctor.');
    expect(forUser('npm run replay -- --har x.har; npm run mock:prism; Run `npm run lint:spec`.', 'npx'))
      .toBe(`npx wupex-replay --har x.har; ${REPO_ONLY_NOTE} npm run mock:prism; Run ${REPO_ONLY_NOTE} \`npm run lint:spec\`.`);
    expect(forUser('npm run mock -- --port 1; npm run adopt -- p.json', 'npm')).toBe('npm run mock -- --port 1; npm run adopt -- p.json');
  });

  test('the reporter of a process started through a bin rewrites its hints', () => {
    let text = '';
    const reporter = createReporter({ secrets: [], err: (t) => void (text += t), commands: 'npx' });
    reporter.error(kitError('TARGET_UNREACHABLE', 'Nothing is listening', { hint: 'Start the twin first (npm run mock -- --port 4010).' }));
    expect(text).toBe('[wupex-kit] TARGET_UNREACHABLE: Nothing is listening\n  Start the twin first (npx wupex-mock --port 4010).\n');
  });

  test('every kit command ships as a bin that marks itself', () => {
    for (const name of KIT_BINS) {
      expect(pkg.bin).toHaveProperty(`wupex-${name}`, `bin/wupex-${name}.js`);
      expect(readFileSync(new URL(`../../../bin/wupex-${name}.js`, import.meta.url), 'utf8')).toContain(`process.env.WUPEX_KIT_BIN = 'wupex-${name}'`);
    }
  });
});
