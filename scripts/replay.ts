// npm run replay: judge recorded exchanges (.har) against the current spec, offline; reports like verify, exit 0/1/2.
import { createReporter } from './lib/cli.ts';
import { loadKitEnv } from './lib/env.ts';
import { replayCommand } from './lib/replay/command.ts';

process.exitCode = replayCommand(process.argv.slice(2), createReporter({ secrets: [loadKitEnv().WUPEX_API_KEY] }));
