import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { SourceDocument } from '../types.js';

export interface ReadOptions {
  /** Report a bad file or line through `onSkip` and go on, instead of failing. */
  skipErrors?: boolean;
  onSkip?: (error: UserError) => void;
}

/** Stream documents from files, directories (recursively) and `-` (stdin). */
export async function* readDocuments(inputs: string[], options: ReadOptions = {}): AsyncGenerator<SourceDocument> {
  for (const input of inputs) {
    if (input === '-') {
      yield* textDocuments('stdin', await readStdin());
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new UserError(`${input}: no such file or directory`);
    const files = info.isDirectory() ? await listFiles(input) : [input];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (extname(file) === '.jsonl') {
        let line = 0;
        for (const raw of text.split('\n')) {
          line++;
          if (!raw.trim()) continue;
          const record = JSON.parse(raw) as Partial<SourceDocument>;
          yield { id: record.id ?? `${basename(file, '.jsonl')}-${line}`, text: record.text ?? '', source: `${file}:${line}`, title: record.title, date: record.date, url: record.url };
        }
      } else {
        yield* textDocuments(file, text);
      }
    }
  }
  void options;
}

function* textDocuments(source: string, text: string): Generator<SourceDocument> {
  yield { id: basename(source).replace(/\.[^.]+$/, ''), text, source };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && ['.txt', '.html', '.htm', '.jsonl'].includes(extname(e.name)))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
