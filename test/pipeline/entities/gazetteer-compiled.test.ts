import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, compileGazetteer, readCompiledGazetteer } from '../../../src/pipeline/entities/gazetteer.js';

describe('the compiled gazetteer (npm run build)', () => {
  it('reads back as the gazetteer built from its sources, every list in its order', () => {
    const built = buildGazetteer();
    const path = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'kg-gazetteer-')), 'gazetteer.json'));
    writeFileSync(path, compileGazetteer(built));
    const { words, ...read } = readCompiledGazetteer(path)!;
    const { words: builtWords, ...rest } = built;
    expect(read).toEqual(rest);
    expect([...read.names.keys()]).toEqual([...rest.names.keys()]);
    // Every 20th word is found, and words next to them (a letter more, a letter changed) as the Set says.
    for (const word of [...(builtWords as Set<string>)].filter((_word, index) => index % 20 === 0)) {
      expect(words.has(word), word).toBe(true);
      for (const near of [`${word}s`, `${word.slice(0, -1)}z`, word.toUpperCase()]) expect(words.has(near), near).toBe(builtWords.has(near));
    }
  });

  it('is absent rather than wrong: a missing file falls back, another format fails loudly', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kg-gazetteer-'));
    expect(readCompiledGazetteer(pathToFileURL(join(directory, 'none.json')))).toBeUndefined();
    const old = pathToFileURL(join(directory, 'old.json'));
    writeFileSync(old, JSON.stringify({ format: 0 }));
    expect(() => readCompiledGazetteer(old)).toThrow(/gazetteer format 0, expected 1: run npm run build/);
  });
});
