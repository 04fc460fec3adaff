import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, relative, sep } from 'node:path';
import { UserError } from '../errors.js';

/** The kinds of file a directory is searched for. A file named on the command line is read whatever its name. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.html', '.htm', '.jsonl'] as const;

export interface InputFile {
  path: string;
  /** File name without extension: the preferred document id. */
  stem: string;
  /** Path without extension, relative to the directory named on the command line: the id when two stems clash. */
  qualified: string;
}

/** The files an input path stands for: itself, or every document file below it, sorted. */
export async function listInputFiles(input: string): Promise<InputFile[]> {
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(error.code === 'ENOENT' ? `${input}: no such file or directory` : `${input}: cannot read (${error.code ?? error.message})`);
  });
  if (!info.isDirectory()) return [inputFile(input, normalize(input))];
  const entries = await readdir(input, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${input}: cannot read the directory (${error.code ?? error.message})`);
  });
  const files = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isDocumentFile(entry.name))
    .map((entry) => inputFile(join(entry.parentPath, entry.name), relative(input, join(entry.parentPath, entry.name))))
    .sort(shallowFirst);
  if (files.length === 0) throw new UserError(`${input}: no ${DOCUMENT_EXTENSIONS.join(', ')} files in this directory`);
  return files;
}

/** Shallower files first, then by path: a stable order in which a top-level file keeps its plain stem as id. */
function shallowFirst(a: InputFile, b: InputFile): number {
  const depth = a.qualified.split('/').length - b.qualified.split('/').length;
  return depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

export function isJsonlPath(path: string): boolean {
  return extname(path).toLowerCase() === '.jsonl';
}

function isDocumentFile(name: string): boolean {
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

function inputFile(path: string, shown: string): InputFile {
  return { path, stem: withoutExtension(basename(path)), qualified: withoutExtension(shown).split(sep).join('/') };
}

function withoutExtension(name: string): string {
  const extension = extname(name);
  return extension ? name.slice(0, -extension.length) : name;
}
