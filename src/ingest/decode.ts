import { isUtf8 } from 'node:buffer';
import { UserError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The largest document read, in bytes. Longer documents are read in parts (see
 * `DOCUMENT_PART_CHARS`), so time grows linearly, but the document, its cleaned copy and its
 * graph are held at once: a 50 MB text peaks near 1.6 GB. Beyond this, split the file.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export function checkDocumentSize(size: number, where: string): void {
  if (size > MAX_DOCUMENT_BYTES) {
    throw new UserError(`${where}: document of ${(size / 2 ** 20).toFixed(0)} MB, over the limit of ${MAX_DOCUMENT_BYTES / 2 ** 20} MB: split it into several files or JSONL records`);
  }
}

/**
 * Bytes → text, refusing what is not a text document: NUL bytes (a binary file), invalid UTF-8
 * (named by line, so the user can find it), or nothing but whitespace.
 */
export function decodeDocument(bytes: Uint8Array, where: string): string {
  checkDocumentSize(bytes.length, where);
  if (bytes.includes(0)) throw new UserError(`${where}: binary data (contains NUL bytes), not a text document`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UserError(`${firstInvalidLine(bytes, where)}: invalid UTF-8 (save the file as UTF-8)`);
  }
  if (!text.trim()) throw new UserError(`${where}: empty document`);
  return text;
}

/** Decode one line of a line-based format; `where` already names the line. */
export function decodeLine(bytes: Uint8Array, where: string): string {
  checkDocumentSize(bytes.length, where);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UserError(`${where}: invalid UTF-8`);
  }
}

function firstInvalidLine(bytes: Uint8Array, where: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  for (let line = 1; start <= buffer.length; line++) {
    const newline = buffer.indexOf(10, start);
    const end = newline === -1 ? buffer.length : newline;
    if (!isUtf8(buffer.subarray(start, end))) return `${where}:${line}`;
    start = end + 1;
  }
  return where;
}
