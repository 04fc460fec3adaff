import { describe, expect, it } from 'vitest';
import { getFrames } from '../../../src/pipeline/relations/frames.js';
import { parseSentence } from '../../../src/syntax/index.js';
import { relationsWith } from './helpers.js';

/** Every frame of data/frames.json, read with the shipped parser: its example fires, its near miss does not. */
describe('frames check themselves', () => {
  for (const { spec } of getFrames().frames) {
    it(`${spec.name}: fires on its example, not on its near miss`, () => {
      const found = relationsWith(spec.example.text, parseSentence).map((r) => r.replace(/ @.*$/, ''));
      expect(found).toEqual(expect.arrayContaining(spec.example.expect));
      const types = new Set(spec.states.flatMap((state) => [state.relation, state.intended]));
      expect(relationsWith(spec.nearMiss, parseSentence).filter((r) => types.has(r.split(' ')[0] as never))).toEqual([]);
    });
  }
});
