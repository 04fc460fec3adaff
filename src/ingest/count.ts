import { createReadStream } from 'node:fs';
import { isJsonlPath, listInputFiles } from './files.js';
import { isBlank, readLines } from './lines.js';

/**
 * How many documents the inputs hold, for a progress bar's total: a byte scan, far cheaper than the
 * extraction it measures. Undefined when it cannot be known ahead (stdin). Bad inputs count as
 * nothing here; reading them reports them.
 */
export async function countDocuments(inputs: string[]): Promise<number | undefined> {
  if (inputs.includes('-')) return undefined;
  let count = 0;
  for (const input of inputs) {
    const files = await listInputFiles(input).catch(() => []);
    for (const file of files) count += isJsonlPath(file.path) ? await countRecords(file.path) : 1;
  }
  return count;
}

async function countRecords(path: string): Promise<number> {
  let count = 0;
  try {
    for await (const line of readLines(createReadStream(path))) if (!isBlank(line.bytes)) count++;
  } catch {
    // Unreadable: reading it reports why.
  }
  return count;
}
