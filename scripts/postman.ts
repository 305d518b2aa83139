// `npm run postman`: the Postman contract suite and its environments in build/postman/; --run runs it with Newman (exit 0/1/2).
import { loadKitEnv } from '../src/cli/env.ts';
import { createReporter } from '../src/cli/flags.ts';
import { postmanCommand } from '../src/publish/postman-command.ts';

process.exitCode = await postmanCommand(process.argv.slice(2), createReporter({ secrets: [loadKitEnv().WUPEX_API_KEY] }));
