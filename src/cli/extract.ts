import type { Command } from 'commander';
import { extract } from '../extract.js';
import { readDocuments } from '../ingest/index.js';

export function register(program: Command): void {
  program
    .command('extract')
    .description('Extract entities and relations from documents and print the graph as JSON.')
    .argument('<inputs...>', 'files, directories (.txt, .html, .jsonl) or - for stdin')
    .action(async (inputs: string[]) => {
      const { json } = await extract(readDocuments(inputs));
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    });
}
