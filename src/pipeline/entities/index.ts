import type { EntityType, Mention } from '../../types.js';
import type { AnalyzedText } from '../analyze.js';

const TAG_TYPES: [string, EntityType][] = [
  ['Person', 'Person'],
  ['Country', 'Country'],
  ['Place', 'Place'],
  ['Organization', 'Organization'],
];

/** Entity mentions of every sentence. */
export function findMentions(analyzed: AnalyzedText): Mention[] {
  const mentions: Mention[] = [];
  for (const tokens of analyzed.tokens) {
    let i = 0;
    while (i < tokens.length) {
      const type = TAG_TYPES.find(([tag]) => tokens[i]!.tags.has(tag))?.[1];
      if (!type) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.tags.has(type) && !tokens[j]!.post.trim()) j++;
      const start = tokens[i]!.start;
      const end = tokens[j]!.end;
      mentions.push({ text: analyzed.text.slice(start, end), type, start, end, sentence: tokens[i]!.sentence });
      i = j + 1;
    }
  }
  return mentions;
}
