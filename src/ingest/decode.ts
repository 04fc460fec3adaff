import { isUtf8 } from 'node:buffer';
import { UserError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text, refusing what is not a text document: NUL bytes (a binary file), invalid UTF-8
 * (named by line, so the user can find it), or nothing but whitespace.
 */
export function decodeDocument(bytes: Uint8Array, where: string): string {
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
