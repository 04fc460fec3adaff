import { describe, expect, it } from 'vitest';
import { chunkText } from '../../src/pipeline/chunks.js';
import { extractDocument } from '../../src/pipeline/index.js';

function expectCover(text: string, limit: number): string[] {
  const pieces = chunkText(text, limit);
  expect(pieces[0]?.start).toBe(0);
  expect(pieces.at(-1)?.end).toBe(text.length);
  for (const [i, piece] of pieces.entries()) {
    expect(piece.end - piece.start).toBeLessThanOrEqual(limit);
    expect(piece.end).toBeGreaterThan(piece.start);
    if (i > 0) expect(piece.start).toBe(pieces[i - 1]!.end);
  }
  return pieces.map((piece) => text.slice(piece.start, piece.end));
}

describe('chunkText', () => {
  it('leaves a text within the limit whole', () => {
    expect(chunkText('One. Two.', 100)).toEqual([{ start: 0, end: 9 }]);
  });

  it('cuts at paragraphs first, then sentences, then spaces, then anywhere', () => {
    const paragraphs = expectCover('First paragraph here.\n\nSecond one, a bit longer. It goes on.\n\nThird.', 40);
    expect(paragraphs[0]).toBe('First paragraph here.\n\n');
    const sentences = expectCover('The first sentence is here. The second one follows it. A third.', 40);
    expect(sentences[0]).toBe('The first sentence is here. ');
    const words = expectCover('words without any punctuation at all go on and on', 20);
    expect(words.every((piece) => !/^\s/.test(piece))).toBe(true);
    expect(expectCover('x'.repeat(95), 10)).toHaveLength(10);
  });

  it('never cuts a surrogate pair', () => {
    const text = '😀'.repeat(50);
    for (const piece of expectCover(text, 7)) expect(piece).toMatch(/^(😀)+$/u);
  });
});

describe('long documents', () => {
  it('a 300,000-character line without punctuation gives names whose offsets slice the text', () => {
    const words = ['market', 'prices', 'rose', 'for', 'Gerhard Stoltenberg', 'as', 'oil', 'in', 'Frankfurt', 'fell'];
    const parts: string[] = [];
    for (let i = 0, length = 0; length < 300_000; i++) {
      const word = words[i % words.length]!;
      parts.push(word);
      length += word.length + 1;
    }
    const text = parts.join(' ');
    const { entities } = extractDocument({ id: 'long', text, source: 'test' });
    expect(entities.find((e) => e.name === 'Gerhard Stoltenberg')?.mentions.length).toBeGreaterThan(4000);
    expect(entities.find((e) => e.name === 'Frankfurt')?.type).toBe('Place');
    for (const entity of entities) for (const mention of entity.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });
});
