// npm run spec:diff: what changed between two versions of the spec, for a client (breaking / non-breaking / annotation); exit 0/1/2.
import { createReporter } from '../src/cli/flags.ts';
import { specDiffCommand } from '../src/spec-diff/command.ts';

process.exitCode = specDiffCommand(process.argv.slice(2), createReporter({ secrets: [] }));
