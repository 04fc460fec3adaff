import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/ingest/lines.js';

async function lines(chunks: Buffer[]): Promise<[number, string][]> {
  const result: [number, string][] = [];
  for await (const line of readLines(chunks)) result.push([line.number, line.bytes.toString('utf8')]);
  return result;
}

describe('readLines', () => {
  it('joins lines split across chunks, even inside a multi-byte character', async () => {
    const bytes = Buffer.from('Gerhard Schröder\r\nvisited\n\nMoskau');
    const split = bytes.indexOf(0xc3) + 1; // between the two bytes of "ö"
    expect(await lines([bytes.subarray(0, split), bytes.subarray(split, split + 3), bytes.subarray(split + 3)])).toEqual([
      [1, 'Gerhard Schröder'],
      [2, 'visited'],
      [3, ''],
      [4, 'Moskau'],
    ]);
  });

  it('has no extra line after a final newline, and none at all for no bytes', async () => {
    expect(await lines([Buffer.from('a\nb\n')])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(await lines([])).toEqual([]);
  });
});
