// Replay run through its bin (npx wupex-replay) names only commands a consumer has: its own bins as npx wupex-*, and
// commands without a bin (adopt, lint:spec) as ones to run in a clone of the kit (issue 18 #9).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ONLY_NOTE } from '../../../src/cli/commands.ts';
import { createReporter } from '../../../src/cli/flags.ts';
import { replayCommand } from '../../../src/replay/command.ts';

/** replayCommand as bin/wupex-replay.js runs it (hints in the npx style), everything it prints. */
function viaBin(argv: string[]): string {
  const written: string[] = [];
  const reporter = createReporter({ secrets: [], out: (t) => written.push(t), err: (t) => written.push(t), tty: false, commands: 'npx' });
  replayCommand(argv, reporter);
  return written.join('');
}

/** Each `npm run X` in the text that is not marked as a command of the kit's own repository. */
const bareNpmRun = (text: string) => [...text.matchAll(/(.{0,40})`?npm run [\w:-]+/g)].map((m) => m[0]).filter((m) => !m.includes(REPO_ONLY_NOTE));

test('--help, a bad --spec and a folder without recordings: every hint is npx wupex-* or marked for a clone of the kit', () => {
  const empty = mkdtempSync(join(tmpdir(), 'wupex-replay-hints-'));
  const help = viaBin(['--help']);
  const badSpec = viaBin(['tests/recordings', '--spec', join(empty, 'missing.yaml')]);
  const noHar = viaBin([empty]);
  expect(help).toContain('Usage: npx wupex-replay PATH...');
  expect(help).toContain(`(then: ${REPO_ONLY_NOTE} npm run adopt -- FILE)`);
  expect(badSpec).toContain(`${REPO_ONLY_NOTE} npm run lint:spec checks it.`);
  expect(noHar).toContain('Record one with npx wupex-proxy --upstream mock --record DIR, or npx wupex-verify --record DIR.');
  expect(bareNpmRun(help + badSpec + noHar)).toEqual([]);
});

test('run in the repo (npm run replay), the same hints name npm run commands, unmarked', () => {
  const written: string[] = [];
  replayCommand(['--help'], createReporter({ secrets: [], out: (t) => written.push(t), tty: false, commands: 'npm' }));
  expect(written.join('')).toContain('(then: npm run adopt -- FILE)');
  expect(written.join('')).not.toContain(REPO_ONLY_NOTE);
});
