#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { register as registerExtract } from './extract.js';
import { register as registerLoad } from './load.js';
import { register as registerQuery } from './query.js';

const program = new Command('kg')
  .description('Turn news articles into a knowledge graph of who did what with whom.')
  .showHelpAfterError()
  .exitOverride();

registerExtract(program);
registerLoad(program);
registerQuery(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof UserError) {
    process.stderr.write(`kg: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  throw error;
}
