// parent-watch: the chain of ancestors is read from /proc, and a watched process that exits is reported once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from 'vitest';
import { ancestors, watchedAncestors, watchParents } from '../../../src/process/parent-watch.ts';

test('ancestors starts at our parent and never lists init', () => {
  const chain = ancestors(3);
  expect(chain[0]).toBe(process.ppid);
  expect(chain).not.toContain(1);
});

test('a watched process that exits is reported once, naming its pid', async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const calls: string[] = [];
  const reported = new Promise<void>((done) => {
    watchParents((why) => {
      calls.push(why);
      done();
    }, { pids: [child.pid!], intervalMs: 20 });
  });
  child.kill('SIGKILL');
  await once(child, 'exit');
  await reported;
  await new Promise((done) => setTimeout(done, 60));
  expect(calls).toEqual([`parent process ${child.pid} is gone`]);
});

test('the watched ancestors reach up to the npm that started us (npm → sh → tsx → node), else the first two', () => {
  const titles: Record<number, string> = { 40: 'sh -c tsx scripts/mock-prism.ts', 30: 'node /repo/node_modules/.bin/tsx scripts/mock-prism.ts', 20: 'npm run mock:prism', 10: '-bash' };
  const command = (pid: number) => titles[pid] ?? '';
  expect(watchedAncestors(2, [30, 40, 20, 10], command)).toEqual([30, 40, 20]);
  expect(watchedAncestors(2, [40, 20, 10], command)).toEqual([40, 20]);
  expect(watchedAncestors(2, [50, 60, 70], command)).toEqual([50, 60]);
  expect(watchedAncestors(2, [30, 40, 80], (pid) => (pid === 80 ? '/usr/bin/node /usr/lib/node_modules/npm/bin/npx-cli.js tsx x' : ''))).toEqual([30, 40, 80]);
});
