import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-graph-file-'));
const write = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const person = { id: 'person:a', type: 'Person', name: 'A', aliases: [], mentions: [] };

describe('reading a saved extraction (--graph FILE.json)', () => {
  it('reads a whole one', async () => {
    const path = write('ok.json', JSON.stringify({ documents: [], entities: [person], relations: [] }));
    expect((await readGraphFile(path)).entities).toHaveLength(1);
  });

  it('names what is wrong with a broken one', async () => {
    await expect(readGraphFile(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read the file/);
    await expect(readGraphFile(write('bad.json', '{"documents": ['))).rejects.toThrow(/bad\.json: not valid JSON/);
    await expect(readGraphFile(write('other.json', '{"nodes": []}'))).rejects.toThrow(/not a kg extraction/);
    const dangling = { documents: [], entities: [person], relations: [{ type: 'MET_WITH', source: 'person:a', target: 'person:b', properties: {}, confidence: 1, evidence: [] }] };
    await expect(readGraphFile(write('dangling.json', JSON.stringify(dangling)))).rejects.toThrow(/relations\[0\]\.target names no entity of the file \("person:b"\)/);
  });

  it('says a binary file is one, in one printable line (--graph /bin/ls)', async () => {
    const error = await readGraphFile(process.execPath).catch((caught: Error) => caught);
    expect((error as Error).message).toBe(`${process.execPath}: not a kg extraction (a binary file, not JSON)`);
    const garbled = await readGraphFile(write('garbled.json', '\u001b[31m{oops\n')).catch((caught: Error) => caught);
    expect((garbled as Error).message).toMatch(/^\S+garbled\.json: not valid JSON \([ -~]*\)$/);
  });
});
