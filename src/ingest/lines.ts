/** One line of a byte stream, without its `\n` (and without a trailing `\r`). */
export interface Line {
  /** 1-based line number. */
  number: number;
  bytes: Buffer;
}

/**
 * Split a byte stream into lines without decoding it first: a line is decoded on its own, so invalid
 * UTF-8 can be reported with its line number (readline decodes the whole stream with replacement
 * characters, which hides exactly that error).
 */
export async function* readLines(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Line> {
  let number = 0;
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    let from = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, from)) {
      pending.push(chunk.subarray(from, newline));
      yield { number: ++number, bytes: withoutCarriageReturn(Buffer.concat(pending)) };
      pending = [];
      from = newline + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) yield { number: ++number, bytes: withoutCarriageReturn(Buffer.concat(pending)) };
}

function withoutCarriageReturn(line: Buffer): Buffer {
  return line.at(-1) === 13 ? line.subarray(0, -1) : line;
}

/** Spaces, tabs and `\r` only (the `\n` is already gone). */
export function isBlank(bytes: Buffer): boolean {
  return bytes.every((byte) => byte === 32 || byte === 9 || byte === 13);
}
