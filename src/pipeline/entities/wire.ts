import type { AnalyzedText, Token } from '../analyze.js';
import type { Gazetteer } from './gazetteer.js';
import { NAME_PATTERNS } from './patterns.js';
import { CAPITALISED_FUNCTION_WORDS } from './words.js';

/** Words that end names ("U.S. Airways", "U.S. Industries"): never mistaken for wire capitals. */
const NAME_WORDS: ReadonlySet<string> = new Set(NAME_PATTERNS.flatMap((pattern) => pattern.lastWords ?? []));

/**
 * Wire copy (Reuters, 1987) often capitalises the word after "U.S." as if it opened a sentence:
 * "U.S. Officials said", "the U.S. And Japan", "50 mln U.S. Dlrs". Such a word is no name: a
 * function word, or a plural that no name list knows and no name ends with ("U.S. Airways" stays).
 * The entity stage reads those tokens in lower case; offsets and the text are untouched.
 */
export function lowerWireCapitals(analyzed: AnalyzedText, gazetteer: Gazetteer): AnalyzedText {
  const isWireCapital = (tokens: Token[], i: number): boolean => {
    const before = tokens[i - 1];
    const word = tokens[i]!.text;
    if (!before || !/^U\.S\.?$/.test(before.text) || before.endsLine || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
    const lower = word.toLowerCase();
    if (CAPITALISED_FUNCTION_WORDS.has(lower)) return true;
    return /\p{Ll}s$/u.test(lower) && !NAME_WORDS.has(lower) && !gazetteer.titleHeads.has(lower) && !gazetteer.names.has(lower);
  };
  if (!analyzed.tokens.some((tokens) => tokens.some((_, i) => isWireCapital(tokens, i)))) return analyzed;
  return {
    ...analyzed,
    tokens: analyzed.tokens.map((tokens) => tokens.map((token, i) => (isWireCapital(tokens, i) ? { ...token, text: token.text.toLowerCase() } : token))),
  };
}
