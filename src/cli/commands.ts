// The command a user actually has: `npm run X` in the kit's repo, `npx wupex-X` in a project that installed the kit.
/** The kit commands that ship as bins (bin/wupex-<name>.js); other `npm run` commands exist only in the repo. */
export const KIT_BINS = ['mock', 'verify', 'doctor', 'proxy', 'replay'] as const;

export type CommandStyle = 'npm' | 'npx';

/** `npx` when the process was started through a kit bin (bin/wupex-*.js sets WUPEX_KIT_BIN), else `npm`. */
export function commandStyle(env: NodeJS.ProcessEnv = process.env): CommandStyle {
  return env.WUPEX_KIT_BIN ? 'npx' : 'npm';
}

const NPM_RUN = new RegExp(`\\bnpm run (${KIT_BINS.join('|')})\\b(?!:)( --(?= ))?`, 'g');

/** Rewrite `npm run mock -- --port 1` into `npx wupex-mock --port 1` (style npx); text is unchanged for style npm. */
export function forUser(text: string, style: CommandStyle): string {
  return style === 'npm' ? text : text.replace(NPM_RUN, (_all, name: string) => `npx wupex-${name}`);
}
