import { createReadStream } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { readLines } from '../ingest/lines.js';

/**
 * A JSON Lines file written one whole line at a time, so that it only ever holds complete lines:
 * a failed write is cut back to the last complete line, and a line a killed process left unfinished
 * is cut off when the file is opened again to resume.
 */
export class JsonLinesFile {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    /** Bytes in complete lines. */
    private size: number,
    /** Lines in the file. */
    public lines: number,
    /** Only a regular file is cut back or removed (never /dev/stdout or a pipe). */
    private readonly regular: boolean,
  ) {}

  /** Start the file afresh (replacing what was there). */
  static async create(path: string): Promise<JsonLinesFile> {
    const handle = await open(path, 'w');
    return new JsonLinesFile(path, handle, 0, 0, (await handle.stat()).isFile());
  }

  /**
   * Open the file to append to it, first cutting off an unfinished last line; `onLine` sees every
   * complete line already there (a missing file is an empty one).
   */
  static async resume(path: string, onLine: (line: string) => void): Promise<JsonLinesFile> {
    let size = 0;
    let lines = 0;
    const fileSize = await stat(path).then(
      (stats) => stats.size,
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)),
    );
    if (fileSize !== undefined) {
      for await (const line of readLines(createReadStream(path))) {
        const text = line.bytes.toString('utf8');
        // Only the last line can lack its newline, and then it is unfinished.
        if (size + line.bytes.length >= fileSize || !isCompleteLine(text)) break;
        size += line.bytes.length + 1;
        lines++;
        onLine(text);
      }
    }
    const handle = await open(path, fileSize === undefined ? 'w' : 'r+');
    const file = new JsonLinesFile(path, handle, size, lines, (await handle.stat()).isFile());
    if (file.regular) await handle.truncate(size);
    return file;
  }

  /** Append one record as one line; on failure the file is cut back to its complete lines. */
  async append(record: unknown): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
    try {
      let written = 0;
      while (written < bytes.length) {
        written += (await this.handle.write(bytes, written, bytes.length - written, this.regular ? this.size + written : null)).bytesWritten;
      }
    } catch (error) {
      if (this.regular) await this.handle.truncate(this.size).catch(() => undefined);
      throw error;
    }
    this.size += bytes.length;
    this.lines++;
  }

  /** Close the file; after a failure, one without a line is removed, so a failed start leaves nothing behind. */
  async close(failed = false): Promise<void> {
    await this.handle.close();
    if (failed && this.lines === 0 && this.regular) await rm(this.path, { force: true });
  }
}

/** A line a killed writer may have left unfinished does not parse (a record is one JSON object). */
function isCompleteLine(text: string): boolean {
  try {
    return typeof JSON.parse(text) === 'object';
  } catch {
    return false;
  }
}
