import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import type { SourceDocument } from '../types.js';
import { checkDocumentSize, decodeDocument, decodeLine } from './decode.js';
import { isJsonlPath, listInputFiles, type InputFile } from './files.js';

export { countDocuments } from './count.js';
import { htmlTitle, isHtmlPath } from './html.js';
import { DocumentIds } from './ids.js';
import { isJsonObjectLine, parseRecord } from './jsonl.js';
import { isBlank, readLines, type Line } from './lines.js';

export interface ReadOptions {
  /** Report a bad file or line through `onSkip` and go on, instead of failing on it. */
  skipErrors?: boolean;
  onSkip?: (error: UserError) => void;
  /** What `-` reads; process.stdin by default. */
  stdin?: AsyncIterable<Buffer>;
}

/** A document, or the error that stood in its place (the caller decides whether to stop). */
type Item = SourceDocument | UserError;

/**
 * Stream documents from files, directories (recursively: .txt, .html, .htm, .jsonl) and `-` (stdin),
 * in the order given. JSONL is read line by line, so a large corpus is never held in memory whole.
 * Bad input raises a `UserError` naming the file (and line), unless `skipErrors` is set.
 */
export async function* readDocuments(inputs: string[], options: ReadOptions = {}): AsyncGenerator<SourceDocument> {
  const ids = new DocumentIds();
  for (const input of inputs) {
    const items = input === '-' ? stdinItems(options.stdin ?? process.stdin, ids) : pathItems(input, ids);
    for await (const item of items) {
      if (!(item instanceof UserError)) yield item;
      else if (options.skipErrors) options.onSkip?.(item);
      else throw item;
    }
  }
}

async function* pathItems(input: string, ids: DocumentIds): AsyncGenerator<Item> {
  let files: InputFile[];
  try {
    files = await listInputFiles(input);
  } catch (error) {
    yield asUserError(error, input);
    return;
  }
  for (const file of files) {
    if (isJsonlPath(file.path)) yield* jsonlFileItems(file, ids);
    else yield await textFileItem(file, ids);
  }
}

async function textFileItem(file: InputFile, ids: DocumentIds): Promise<Item> {
  try {
    checkDocumentSize((await stat(file.path)).size, file.path);
    const text = decodeDocument(await readFile(file.path), file.path);
    const title = isHtmlPath(file.path) ? htmlTitle(text) : undefined;
    return { id: ids.claim(file.stem, file.qualified), text, source: file.path, ...(title && { title }) };
  } catch (error) {
    return asUserError(error, file.path);
  }
}

async function* jsonlFileItems(file: InputFile, ids: DocumentIds): AsyncGenerator<Item> {
  try {
    const lines = readLines(createReadStream(file.path));
    yield* jsonlItems(lines, file.path, (line) => ids.claim(`${file.stem}-${line}`, `${file.qualified}-${line}`), ids);
  } catch (error) {
    yield asUserError(error, file.path);
  }
}

/** `-`: JSONL when its first non-blank line is a JSON object (so a bad later line is reported, not read as prose), else one text document. */
async function* stdinItems(stdin: AsyncIterable<Buffer>, ids: DocumentIds): AsyncGenerator<Item> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  let first: Line | undefined;
  for await (const line of readLines([bytes])) {
    if (!isBlank(line.bytes)) {
      first = line;
      break;
    }
  }
  if (first && isJsonObjectLine(first.bytes.toString('utf8'))) {
    yield* jsonlItems(readLines([bytes]), 'stdin', (line) => ids.claim(`stdin-${line}`), ids);
    return;
  }
  try {
    yield { id: ids.claim('stdin'), text: decodeDocument(bytes, 'stdin'), source: 'stdin' };
  } catch (error) {
    yield asUserError(error, 'stdin');
  }
}

async function* jsonlItems(
  lines: AsyncIterable<Line>,
  name: string,
  defaultId: (line: number) => string,
  ids: DocumentIds,
): AsyncGenerator<Item> {
  for await (const line of lines) {
    if (isBlank(line.bytes)) continue;
    const where = `${name}:${line.number}`;
    if (line.bytes.includes(0)) {
      yield new UserError(`${where}: binary data (contains NUL bytes), not JSONL; the rest of ${name} is skipped`);
      return;
    }
    try {
      const { id, text, title, date, url } = parseRecord(decodeLine(line.bytes, where), where);
      yield {
        id: id === undefined ? defaultId(line.number) : ids.claim(id),
        text,
        source: where,
        ...(title && { title }),
        ...(date && { date }),
        ...(url && { url }),
      };
    } catch (error) {
      yield asUserError(error, where);
    }
  }
}

/** File system errors become a `UserError` naming the file; anything else is a bug and stays as it is. */
function asUserError(error: unknown, where: string): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return new UserError(`${where}: cannot read (${code})`);
  throw error;
}
