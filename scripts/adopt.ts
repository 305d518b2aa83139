// npm run adopt: apply a proposal (verify/replay --propose) to decisions.yaml, the spec, DECISIONS.md and the types.
import { createReporter } from '../src/cli/flags.ts';
import { loadKitEnv } from '../src/cli/env.ts';
import { adoptCommand } from '../src/adopt/command.ts';

process.exitCode = await adoptCommand(process.argv.slice(2), createReporter({ secrets: [loadKitEnv().WUPEX_API_KEY] }));
