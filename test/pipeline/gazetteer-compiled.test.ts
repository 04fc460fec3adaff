import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, compileGazetteer, readCompiledGazetteer } from '../../src/pipeline/entities/gazetteer.js';

describe('the compiled gazetteer (npm run build)', () => {
  it('reads back as the gazetteer built from its sources, every list in its order', () => {
    const built = buildGazetteer();
    const path = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'kg-gazetteer-')), 'gazetteer.json'));
    writeFileSync(path, compileGazetteer(built));
    const read = readCompiledGazetteer(path)!;
    expect(read).toEqual(built);
    expect([...read.names.keys()]).toEqual([...built.names.keys()]);
    expect([...read.words].slice(0, 1000)).toEqual([...built.words].slice(0, 1000));
  });

  it('is absent rather than wrong: a missing file falls back, another format fails loudly', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kg-gazetteer-'));
    expect(readCompiledGazetteer(pathToFileURL(join(directory, 'none.json')))).toBeUndefined();
    const old = pathToFileURL(join(directory, 'old.json'));
    writeFileSync(old, JSON.stringify({ format: 0 }));
    expect(() => readCompiledGazetteer(old)).toThrow(/gazetteer format 0, expected 1: run npm run build/);
  });
});
