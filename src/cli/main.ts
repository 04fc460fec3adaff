import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';

type Register = (program: Command) => void;
export type CommandModules = Record<string, () => Promise<{ register: Register }>>;

/**
 * Run the `kg` command line `argv` (as process.argv) to its end, exiting on errors. `commands`
 * imports each command's module: only the one named is loaded (help and unknown commands load them
 * all), so `kg extract` does not load the Neo4j driver, the query engine or the exporters.
 */
export async function runCli(argv: string[], commands: CommandModules): Promise<void> {
  // Read when run, so the startup snapshot holds no copy of package.json.
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const program = new Command('kg')
    .description('Turn news articles into a knowledge graph of who did what with whom.')
    .version(version)
    .showHelpAfterError('(kg help <command> shows every flag, with examples)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ kg extract data/sample/cnn-2001-putin-bush-abm.txt       # the graph of one article, as JSON
  $ kg extract corpus.jsonl --workers 2 -o graph.json         # a corpus, two threads, to a file
  $ kg help extract                                           # every flag of a command, with examples`,
    );

  const named = argv[2] !== undefined && Object.hasOwn(commands, argv[2]) ? [argv[2]] : Object.keys(commands);
  for (const { register } of await Promise.all(named.map((name) => commands[name]!()))) register(program);

  // A closed pipe (`kg extract … | head`) ends the run quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof UserError) {
      process.stderr.write(`kg: ${error.message}\n`);
      if (process.env.KG_DEBUG && error.cause instanceof Error) process.stderr.write(`${error.cause.stack}\n`);
      process.exit(error.exitCode);
    }
    // A bug, not bad input: one line for the user, the stack trace on request.
    process.stderr.write(`kg: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.KG_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write('kg: set KG_DEBUG=1 to see the stack trace, and please report it\n');
    process.exit(70);
  }
}
