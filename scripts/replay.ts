// npm run replay: judge recorded exchanges (.har) against the current spec, offline; reports like verify, exit 0/1/2.
import { createReporter } from '../src/cli/flags.ts';
import { loadKitEnv } from '../src/cli/env.ts';
import { replayCommand } from '../src/replay/command.ts';

process.exitCode = replayCommand(process.argv.slice(2), createReporter({ secrets: [loadKitEnv().WUPEX_API_KEY] }));
