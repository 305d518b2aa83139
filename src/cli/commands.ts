// The command a user actually has: `npm run X` in the kit's repo, `npx wupex-X` in a project that installed the kit.
/** The kit commands that ship as bins (bin/wupex-<name>.js); other `npm run` commands exist only in the repo. */
export const KIT_BINS = ['mock', 'verify', 'doctor', 'proxy', 'replay'] as const;

export type CommandStyle = 'npm' | 'npx';

/** `npx` when the process was started through a kit bin (bin/wupex-*.js sets WUPEX_KIT_BIN), else `npm`. */
export function commandStyle(env: NodeJS.ProcessEnv = process.env): CommandStyle {
  return env.WUPEX_KIT_BIN ? 'npx' : 'npm';
}

const NPM_RUN = new RegExp(`\\bnpm run (${KIT_BINS.join('|')})\\b(?!:)( --(?= ))?`, 'g');

/** Where a consumer can run a command that has no bin (adopt, lint:spec, mock:prism, ...): only in the kit's own repository. */
export const REPO_ONLY_NOTE = '(in a clone of wupex-contract)';

/** `npm run <script>` left after the bins were rewritten, with an opening backtick if it is quoted as code. */
const REPO_ONLY = /(`?)\bnpm run ([a-z][\w:-]*)/g;

/**
 * Rewrite `npm run mock -- --port 1` into `npx wupex-mock --port 1` (style npx), and mark a command without a bin
 * (`npm run adopt -- FILE`) as one to run in a clone of the kit, which is the only place a consumer has it.
 * Text is unchanged for style npm.
 */
export function forUser(text: string, style: CommandStyle): string {
  if (style === 'npm') return text;
  return text
    .replace(NPM_RUN, (_all, name: string) => `npx wupex-${name}`)
    .replace(REPO_ONLY, (all, tick: string) => `${REPO_ONLY_NOTE} ${tick}${all.slice(tick.length)}`);
}
