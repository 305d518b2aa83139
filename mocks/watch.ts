// `npm run mock -- --watch`: reload the twin (spec, examples, fixtures, scenario) when one of its files changes, keeping the port.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { MockServer } from './server.ts';

export interface WatchOptions {
  server: MockServer;
  /** Files or folders to watch (folders recursively: the spec's folder holds its examples). */
  paths: string[];
  log: (line: string) => void;
  /** Changes within this window are one reload (editors write files in several steps). */
  debounceMs?: number;
}

export const WATCH_DEFAULTS = { debounceMs: 100 } as const;

/** Start watching; returns a function that stops every watcher. */
export function watchTwin(options: WatchOptions): () => void {
  const debounceMs = options.debounceMs ?? WATCH_DEFAULTS.debounceMs;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const reload = () => {
    const files = [...changed].sort();
    changed.clear();
    running = running.then(async () => {
      const result = await options.server.reload();
      if (result.ok) options.log(`[wupex-mock] reloaded after a change to ${files.join(', ')}; state restored from the fixtures.`);
      else options.log(`[wupex-mock] RELOAD_REFUSED after a change to ${files.join(', ')}: ${result.error.message} Still serving the previous version.`);
    });
  };
  const onChange = (root: string) => (_event: string, file: string | Buffer | null) => {
    changed.add(file ? `${basename(root)}/${String(file)}` : basename(root));
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  };
  const watchers: FSWatcher[] = options.paths.map((path) => {
    // A single file is watched through its folder: editors replace files (rename), which ends a watch on the file itself.
    const isFolder = !/\.(ya?ml|json)$/i.test(path);
    const root = isFolder ? path : dirname(path);
    const watcher = watch(root, { recursive: isFolder, persistent: false }, (event, file) => {
      if (isFolder || String(file) === basename(path)) onChange(root)(event, file);
    });
    return watcher;
  });
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
