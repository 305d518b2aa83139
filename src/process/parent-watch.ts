// Leave with the parent: a twin whose `npm run` (or npx) was killed must not hold its port as an orphan.
import { readFileSync } from 'node:fs';

/** levels: ancestors watched when no npm is found; npmSearchLevels: how far up to look for the npm (or npx) that started us. */
export const PARENT_WATCH_DEFAULTS = { intervalMs: 500, levels: 2, npmSearchLevels: 4 } as const;

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

/** The command line of `pid` from /proc ('' elsewhere or when it is gone); npm sets its title to `npm run X` / `npm exec X`. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

const NPM_COMMAND = /^(npm|npx)(\s|$)|\/(npm|npx)-cli\.js(\s|$)/;

/**
 * The ancestors to watch: up to and including the npm (or npx) that started us, when one is among the first
 * `npmSearchLevels` (a tsx-run script such as `npm run mock:prism` runs under npm → sh → tsx → node, so its npm is the
 * great-grandparent); without one, the first `levels`.
 */
export function watchedAncestors(levels: number = PARENT_WATCH_DEFAULTS.levels, chain: readonly number[] = ancestors(PARENT_WATCH_DEFAULTS.npmSearchLevels), command: (pid: number) => string = commandOf): number[] {
  const npm = chain.findIndex((pid) => NPM_COMMAND.test(command(pid)));
  return npm >= 0 ? chain.slice(0, npm + 1) : chain.slice(0, levels);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Call `onGone` once our parent changes or one of the watched ancestors (by default watchedAncestors()) exits; the timer never keeps the process alive. */
export function watchParents(onGone: (why: string) => void, options: { intervalMs?: number; levels?: number; pids?: number[] } = {}): () => void {
  const parent = process.ppid;
  const watched = options.pids ?? (options.levels ? ancestors(options.levels) : watchedAncestors());
  const timer = setInterval(() => {
    const gone = process.ppid !== parent ? parent : watched.find((pid) => !alive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(`parent process ${gone} is gone`);
  }, options.intervalMs ?? PARENT_WATCH_DEFAULTS.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
