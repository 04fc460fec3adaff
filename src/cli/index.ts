#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { register as registerEval } from './eval.js';
import { register as registerExtract } from './extract.js';
import { register as registerExport } from './export.js';
import { register as registerLoad } from './load.js';
import { register as registerParse } from './parse.js';
import { register as registerQuery } from './query.js';
import { register as registerView } from './view.js';

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

registerEval(program);
registerExtract(program);
registerExport(program);
registerLoad(program);
registerParse(program);
registerQuery(program);
registerView(program);

// A closed pipe (`kg extract … | head`) ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
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
