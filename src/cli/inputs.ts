import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { extract } from '../extract.js';
import { readDocuments } from '../ingest/index.js';
import { isBlank, readLines } from '../ingest/lines.js';
import { mergeExtractions } from '../pipeline/merge.js';
import type { DocumentExtraction, GraphJson } from '../types.js';

export interface GraphSourceOptions {
  /** A saved extraction (`kg extract -o FILE.json`) instead of inputs. */
  graph?: string;
}

/** The flags every command that takes `inputs… | --graph FILE.json` shares. */
export function addGraphSourceOptions(command: Command): Command {
  return command
    .argument('[inputs...]', 'files, directories (.txt, .html, .jsonl) or - for stdin')
    .option('--graph <file>', 'a saved extraction (kg extract -o FILE.json, or --format jsonl -o FILE.jsonl) instead of inputs');
}

/** Extract the inputs, or read a saved extraction: exactly one of the two. */
export async function loadGraphJson(inputs: string[], options: GraphSourceOptions): Promise<GraphJson> {
  if (options.graph && inputs.length > 0) throw new UserError('give either inputs or --graph FILE.json, not both');
  if (options.graph) return readGraphFile(options.graph);
  if (inputs.length === 0) throw new UserError('no inputs: give files, directories, - for stdin, or --graph FILE.json');
  return (await extract(readDocuments(inputs))).json;
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
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: not valid JSON (${(error as Error).message})`);
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
