import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../errors.js';
import { extract } from '../extract.js';
import { countDocuments, readDocuments } from '../ingest/index.js';
import { isBlank, readLines } from '../ingest/lines.js';
import { mergeExtractions } from '../pipeline/merge.js';
import type { DocumentExtraction, GraphJson } from '../types.js';
import { startProgress } from './progress.js';

/** The flags of every command that reads documents. */
export interface DocumentOptions {
  workers: number;
  skipErrors?: boolean;
  progress?: boolean;
}

export interface GraphSourceOptions extends DocumentOptions {
  /** A saved extraction (`kg extract -o FILE.json`) instead of inputs. */
  graph?: string;
}

/** `--workers`, `--skip-errors` and `--progress`: the same flags, meaning the same, wherever documents are read. */
export function addDocumentOptions(command: Command): Command {
  return command
    .option('-w, --workers <n>', 'worker threads; 1 runs in the main thread; the output is the same for any N', parseWorkers, availableParallelism())
    .option('--skip-errors', 'report unreadable, binary, non-UTF-8, empty or malformed inputs on stderr and go on (exit 0)')
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal');
}

/** The flags every command that takes `inputs… | --graph FILE.json` shares. */
export function addGraphSourceOptions(command: Command): Command {
  return addDocumentOptions(
    command
      .argument('[inputs...]', 'files, directories (.txt, .html, .jsonl) or - for stdin')
      .option('--graph <file>', 'a saved extraction (kg extract -o FILE.json, or --format jsonl -o FILE.jsonl) instead of inputs'),
  );
}

/** Show a bar when asked to, or when stderr is a terminal. */
export function wantsBar(options: DocumentOptions): boolean {
  return Boolean(options.progress || process.stderr.isTTY);
}

/** Extract the inputs, or read a saved extraction: exactly one of the two. */
export async function loadGraphJson(inputs: string[], options: GraphSourceOptions): Promise<GraphJson> {
  if (options.graph && inputs.length > 0) throw new UserError('give either inputs or --graph FILE.json, not both');
  if (options.graph) return readGraphFile(options.graph);
  if (inputs.length === 0) throw new UserError('no inputs: give files, directories, - for stdin, or --graph FILE.json');
  const showBar = wantsBar(options);
  const progress = startProgress({ bar: showBar, total: showBar ? await countDocuments(inputs) : undefined });
  const skip = (error: UserError) => progress.log(`kg: skipped ${error.message}`);
  try {
    const documents = readDocuments(inputs, { skipErrors: options.skipErrors, onSkip: skip });
    const extractOptions = { workers: options.workers, ...(options.skipErrors && { onSkip: skip }), onProgress: (done: number) => progress.update(done) };
    return (await extract(documents, extractOptions)).json;
  } finally {
    progress.stop();
  }
}

/** The parser's message without the text it quotes, which can be long or hold control characters. */
function oneLine(message: string): string {
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 200);
}

function parseWorkers(value: string): number {
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1) throw new InvalidArgumentError('give a whole number of threads, 1 or more.');
  return workers;
}

/**
 * A saved extraction: the JSON graph (`kg extract -o FILE.json`), or the lines of
 * `kg extract --format jsonl`, merged across documents here (`mergeExtractions`, as an in-memory
 * run does), so both give the same graph.
 */
export async function readGraphFile(path: string): Promise<GraphJson> {
  const graph = path.endsWith('.jsonl') ? await readExtractionLines(path) : ((await readJson(path)) as Partial<GraphJson>);
  if (!Array.isArray(graph.documents) || !Array.isArray(graph.entities) || !Array.isArray(graph.relations)) {
    throw new UserError(`${path}: not a kg extraction (expected "documents", "entities" and "relations" arrays)`);
  }
  const ids = new Set<unknown>();
  for (const [i, entity] of graph.entities.entries()) {
    if (typeof entity?.id !== 'string' || !entity.id) throw new UserError(`${path}: entities[${i}] has no "id"`);
    ids.add(entity.id);
  }
  for (const [i, relation] of graph.relations.entries()) {
    for (const end of ['source', 'target'] as const) {
      if (!ids.has(relation?.[end])) throw new UserError(`${path}: relations[${i}].${end} names no entity of the file (${JSON.stringify(relation?.[end])})`);
    }
  }
  return graph as GraphJson;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read the file`);
  }
  // A binary file (`--graph /bin/ls`): say so, rather than echo its bytes in the parser's message.
  if (text.includes('\u0000')) throw new UserError(`${path}: not a kg extraction (a binary file, not JSON)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: not valid JSON (${oneLine((error as Error).message)})`);
  }
}

async function readExtractionLines(path: string): Promise<GraphJson> {
  const extractions: DocumentExtraction[] = [];
  try {
    for await (const line of readLines(createReadStream(path))) {
      if (isBlank(line.bytes)) continue;
      let record: Partial<DocumentExtraction>;
      try {
        record = JSON.parse(line.bytes.toString('utf8')) as Partial<DocumentExtraction>;
      } catch (error) {
        throw new UserError(`${path}:${line.number}: not valid JSON (${(error as Error).message})`);
      }
      if (typeof record?.document?.id !== 'string' || !Array.isArray(record.entities) || !Array.isArray(record.relations)) {
        throw new UserError(`${path}:${line.number}: not a line of kg extract --format jsonl (expected "document", "entities" and "relations")`);
      }
      extractions.push(record as DocumentExtraction);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path}: cannot read the file`);
  }
  return mergeExtractions(extractions);
}
