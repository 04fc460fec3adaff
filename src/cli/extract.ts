import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import { extract, perDocument } from '../extract.js';
import { countDocuments, readDocuments } from '../ingest/index.js';
import { writeOutput } from './output.js';
import type { GraphJson } from '../types.js';
import { startProgress } from './progress.js';

interface ExtractCommandOptions {
  format: 'json' | 'jsonl';
  output?: string;
  workers: number;
  skipErrors?: boolean;
  progress?: boolean;
}

const EXAMPLES = `
Output:
  json   one graph: {"documents", "entities", "relations"}, entities and relations merged across
         all documents (one id per real-world thing), every entity with its mentions and every
         relation with its evidence sentences (offsets index the original text).
  jsonl  one line per document, in input order: {"document", "entities", "relations"}, the same
         merged graph seen from that document: the entities it mentions with only its mentions,
         the relations it gives evidence for with only its evidence. Ids are the merged ids.

Examples:
  $ kg extract data/sample/cnn-2001-putin-bush-abm.txt
  $ kg extract articles/ --workers 4 -o graph.json          # a directory, four threads, to a file
  $ kg extract corpus.jsonl --format jsonl --skip-errors --progress > by-document.jsonl
  $ cat story.txt | kg extract -                             # stdin: JSONL if its first line is a JSON object, else one text
`;

export function register(program: Command): void {
  program
    .command('extract')
    .summary('extract entities and relations from news text')
    .description(
      'Extract entities, relations and the sentences behind them from news documents and print the graph as JSON on stdout.\n' +
        'Progress, skipped inputs and a one-line summary go to stderr.',
    )
    .argument('<inputs...>', 'files, directories (searched recursively for .txt, .html, .htm, .jsonl) or - for stdin')
    .addOption(new Option('-f, --format <format>', 'json: one merged graph; jsonl: one line per document').choices(['json', 'jsonl']).default('json'))
    .option('-o, --output <file>', 'write to FILE instead of stdout (atomically: a failed run leaves no file)')
    .option('-w, --workers <n>', 'worker threads; 1 runs in the main thread; the output is the same for any N', parseWorkers, availableParallelism())
    .option('--skip-errors', 'report unreadable, binary, non-UTF-8, empty or malformed inputs on stderr and go on (exit 0)')
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal')
    .addHelpText('after', EXAMPLES)
    .action(runExtract);
}

async function runExtract(inputs: string[], options: ExtractCommandOptions): Promise<void> {
  const started = performance.now();
  const showBar = Boolean(options.progress || process.stderr.isTTY);
  const progress = startProgress({ bar: showBar, total: showBar ? await countDocuments(inputs) : undefined });
  let skipped = 0;
  const skip = (error: UserError) => {
    skipped++;
    progress.log(`kg: skipped ${error.message}`);
  };
  let json: GraphJson;
  try {
    const documents = readDocuments(inputs, { skipErrors: options.skipErrors, onSkip: skip });
    ({ json } = await extract(documents, {
      workers: options.workers,
      onProgress: (done) => progress.update(done),
      ...(options.skipErrors && { onSkip: skip }),
    }));
  } finally {
    progress.stop();
  }
  const output = options.format === 'jsonl' ? toJsonLines(json) : `${JSON.stringify(json, null, 2)}\n`;
  if (options.output) await writeOutput(options.output, output);
  else process.stdout.write(output);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `${json.documents.length} documents, ${json.entities.length} entities, ${json.relations.length} relations in ${seconds} s` +
      `${skipped ? ` (${skipped} skipped)` : ''}\n`,
  );
}

function toJsonLines(json: GraphJson): string {
  return [...perDocument(json)].map((line) => `${JSON.stringify(line)}\n`).join('');
}

function parseWorkers(value: string): number {
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1) throw new InvalidArgumentError('give a whole number of threads, 1 or more.');
  return workers;
}
