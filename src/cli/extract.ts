import { InvalidArgumentError, Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import { extract } from '../extract.js';
import { countDocuments, readDocuments } from '../ingest/index.js';
import { JsonLinesFile } from '../io/json-lines-file.js';
import { extractEach } from '../parallel/index.js';
import type { DocumentExtraction, SourceDocument } from '../types.js';
import { addDocumentOptions, wantsBar, type DocumentOptions } from './inputs.js';
import { checkWritable, counted, outputError, writeOutput } from './output.js';
import { startProgress, type Progress } from './progress.js';

interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

interface ExtractCommandOptions extends DocumentOptions {
  format: 'json' | 'jsonl';
  output?: string;
  resume?: boolean;
  shard?: Shard;
}

const EXAMPLES = `
Output:
  json   one graph: {"documents", "entities", "relations"}, entities and relations merged across
         all documents (one id per real-world thing), every entity with its mentions and every
         relation with its evidence sentences (offsets index the original text).
  jsonl  one line per document, in input order, written as soon as the document is done (memory
         stays flat): {"document", "entities", "relations"} as the pipeline found them in that
         document, before cross-document merging. kg load, export, query and view read such a file
         with --graph FILE.jsonl and merge it into the same graph as the json output.

Long runs:
  --resume        with --format jsonl -o FILE: keep the documents FILE already holds, extract the
                  rest and append them; a run killed or stopped with Ctrl-C leaves only complete
                  lines, so rerunning the same command with --resume finishes it.
  --shard K/N     only every Nth document, starting with the Kth: N machines running K = 1…N on
                  the same inputs share the corpus between them (see README, "Beyond one machine").

Examples:
  $ kg extract data/sample/cnn-2001-putin-bush-abm.txt
  $ kg extract articles/ --workers 4 -o graph.json          # a directory, four threads, to a file
  $ kg extract corpus.jsonl --format jsonl -o docs.jsonl --resume --progress
  $ kg extract corpus.jsonl --format jsonl --shard 2/3 -o part-2.jsonl
  $ cat story.txt | kg extract -                             # stdin: JSONL if its first line is a JSON object, else one text
`;

export function register(program: Command): void {
  addDocumentOptions(
    program
      .command('extract')
      .summary('extract entities and relations from news text')
      .description(
        'Extract entities, relations and the sentences behind them from news documents and print the graph as JSON on stdout.\n' +
          'Progress, skipped inputs and a one-line summary go to stderr.',
      )
      .argument('<inputs...>', 'files, directories (searched recursively for .txt, .html, .htm, .jsonl) or - for stdin')
      .addOption(new Option('--format <format>', 'json: one merged graph; jsonl: one line per document, streamed').choices(['json', 'jsonl']).default('json'))
      .option('-o, --output <file>', 'write to FILE instead of stdout (json: atomically, a failed run leaves no file; jsonl: line by line)')
      .option('--resume', 'jsonl to a FILE only: skip the documents FILE already holds and append the rest')
      .option('--shard <K/N>', 'extract only documents K, K+N, K+2N, … (1 ≤ K ≤ N)', parseShard),
  )
    .addHelpText('after', EXAMPLES)
    .action(runExtract);
}

async function runExtract(inputs: string[], options: ExtractCommandOptions): Promise<void> {
  if (options.resume && !(options.format === 'jsonl' && options.output)) throw new UserError('--resume needs --format jsonl and -o FILE');
  const started = performance.now();
  const showBar = wantsBar(options);
  const progress = startProgress({ bar: showBar, total: showBar && !options.shard ? await countDocuments(inputs) : undefined });
  let skipped = 0;
  const skip = (error: UserError) => {
    skipped++;
    progress.log(`kg: skipped ${error.message}`);
  };
  let documents: AsyncIterable<SourceDocument> = readDocuments(inputs, { skipErrors: options.skipErrors, onSkip: skip });
  if (options.shard) documents = inShard(documents, options.shard);
  const extractOptions = { workers: options.workers, ...(options.skipErrors && { onSkip: skip }) };
  let summary: string;
  if (options.format === 'jsonl') {
    summary = await streamLines(documents, extractOptions, options, progress);
  } else {
    if (options.output) await checkWritable(options.output);
    let json;
    try {
      ({ json } = await extract(documents, { ...extractOptions, onProgress: (done) => progress.update(done) }));
    } finally {
      progress.stop();
    }
    const output = `${JSON.stringify(json, null, 2)}\n`;
    if (options.output) await writeOutput(options.output, output);
    else process.stdout.write(output);
    summary = `${counted(json.documents.length, 'document')}, ${json.entities.length} entities, ${json.relations.length} relations`;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`${summary} in ${seconds} s${skipped ? ` (${skipped} skipped)` : ''}\n`);
}

/**
 * `--format jsonl`: each document's line is written as soon as it is done, so memory does not grow
 * with the corpus. Ctrl-C (or SIGTERM) stops after the line being written; the file then holds
 * complete lines only, and `--resume` goes on from there.
 */
async function streamLines(
  documents: AsyncIterable<SourceDocument>,
  extractOptions: Parameters<typeof extractEach>[1],
  options: ExtractCommandOptions,
  progress: Progress,
): Promise<string> {
  const done = new Set<string>();
  const file = options.output ? await openLines(options.output, options.resume ? done : undefined) : undefined;
  const already = done.size;
  const pending = already ? skipDone(documents, done) : documents;
  let interrupted = false;
  const stop = (): void => {
    interrupted = true;
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  let written = 0;
  let entities = 0;
  let relations = 0;
  let failed = true;
  try {
    for await (const extraction of extractEach(pending, extractOptions)) {
      await writeLine(file, extraction);
      written++;
      entities += extraction.entities.length;
      relations += extraction.relations.length;
      progress.update(already + written);
      if (interrupted) break;
    }
    failed = false;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    progress.stop();
    await file?.close(failed);
  }
  const where = file ? ` to ${file.path}${already ? ` (after the ${already} already there)` : ''}` : '';
  if (interrupted) {
    throw new UserError(`interrupted: ${counted(written, 'document')} written${where}, each line complete; rerun with --resume to finish`, 130);
  }
  return `${counted(written, 'document')}${where}, ${entities} entities, ${relations} relations (per document, before merging)`;
}

async function openLines(path: string, done: Set<string> | undefined): Promise<JsonLinesFile> {
  try {
    if (!done) return await JsonLinesFile.create(path);
    return await JsonLinesFile.resume(path, (line) => done.add((JSON.parse(line) as DocumentExtraction).document.id));
  } catch (error) {
    throw outputError(path, error);
  }
}

async function writeLine(file: JsonLinesFile | undefined, extraction: DocumentExtraction): Promise<void> {
  if (!file) {
    if (!process.stdout.write(`${JSON.stringify(extraction)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    return;
  }
  try {
    await file.append(extraction);
  } catch (error) {
    const cause = outputError(file.path, error).message;
    throw new UserError(`${cause}; it holds ${counted(file.lines, 'complete document')}: make room and rerun with --resume`);
  }
}

async function* skipDone(documents: AsyncIterable<SourceDocument>, done: Set<string>): AsyncGenerator<SourceDocument> {
  for await (const document of documents) if (!done.has(document.id)) yield document;
}

async function* inShard(documents: AsyncIterable<SourceDocument>, shard: Shard): AsyncGenerator<SourceDocument> {
  let position = 0;
  for await (const document of documents) if (position++ % shard.count === shard.index - 1) yield document;
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!(index >= 1 && index <= count)) throw new InvalidArgumentError('give K/N with 1 ≤ K ≤ N, as in 2/3.');
  return { index, count };
}
