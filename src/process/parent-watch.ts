// Leave with the parent: a twin whose `npm run` (or npx) was killed must not hold its port as an orphan.
import { readFileSync } from 'node:fs';

export const PARENT_WATCH_DEFAULTS = { intervalMs: 500, levels: 2 } as const;

/** The parent of `pid` from /proc (Linux); undefined elsewhere or when it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Our parent and, where /proc tells, its parents up to `levels` (npm runs scripts through `sh -c`, so npm is the grandparent).
 * pid 1 and below never count: being adopted by init is what we watch for.
 */
export function ancestors(levels: number = PARENT_WATCH_DEFAULTS.levels, start: number = process.ppid): number[] {
  const out: number[] = [];
  let pid: number | undefined = start;
  while (pid !== undefined && pid > 1 && out.length < levels) {
    out.push(pid);
    pid = parentOf(pid);
  }
  return out;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Call `onGone` once our parent changes or one of the watched ancestors exits; the timer never keeps the process alive. */
export function watchParents(onGone: (why: string) => void, options: { intervalMs?: number; levels?: number; pids?: number[] } = {}): () => void {
  const parent = process.ppid;
  const watched = options.pids ?? ancestors(options.levels ?? PARENT_WATCH_DEFAULTS.levels);
  const timer = setInterval(() => {
    const gone = process.ppid !== parent ? parent : watched.find((pid) => !alive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(`parent process ${gone} is gone`);
  }, options.intervalMs ?? PARENT_WATCH_DEFAULTS.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
