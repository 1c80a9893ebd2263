#!/usr/bin/env node
/** armsbrief command line: each command lives in its own module and registers itself here. */
import { Command, CommanderError } from 'commander';
import { EXIT, exitCodeFor, reportError } from './context.js';
import { commands } from './commands.js';
import { packageVersion } from '../../core/package-files.js';
import { AppError, errorBody } from '../../core/errors.js';

export function buildProgram(): Command {
  const program = new Command('armsbrief')
    .description('Evidence-based arms-export risk assessment along the eight criteria of EU Common Position 2008/944/CFSP.')
    .version(packageVersion())
    .option('--db <dir|url>', 'store: a folder for the embedded store (default ./armsbrief-data, or $ARMSBRIEF_DB) or postgres://… (or $DATABASE_URL)')
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Exit status:
  ${EXIT.ok}   success
  ${EXIT.partial}   some inputs failed (the others were processed), or a check found problems
  ${EXIT.usage}   usage error (unknown option, invalid value)
  ${EXIT.notFound}   nothing found for the request (unknown id or country)
  ${EXIT.store}   the store could not be opened, is in use, or is unreachable
  ${EXIT.internal}  internal error (run with --debug)`,
    );
  program.exitOverride();
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0; usage errors were already printed on stderr,
      // and under --json a script also gets them in the one error shape.
      if (err.exitCode !== 0 && process.argv.includes('--json')) {
        process.stdout.write(JSON.stringify(errorBody(new AppError('usage', err.message.replace(/^error: /, '')))) + '\n');
      }
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    reportError(err, process.argv.includes('--debug'), process.argv.includes('--json'));
    return exitCodeFor(err);
  }
}

const code = await main(process.argv);
// Let stdout drain before exiting (large --json output into a pipe).
process.stdout.write('', () => process.exit(code));
