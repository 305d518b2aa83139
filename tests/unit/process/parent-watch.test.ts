// parent-watch: the chain of ancestors is read from /proc, and a watched process that exits is reported once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from 'vitest';
import { ancestors, watchParents } from '../../../src/process/parent-watch.ts';

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
