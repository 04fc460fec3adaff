import type { ParsedSentence } from '../../syntax/types.js';
import type { AnalyzedText } from '../analyze.js';
import type { Resolved } from '../resolve.js';
import type { Gazetteer } from '../entities/gazetteer.js';
import { getFrames } from './frames.js';
import { anaphorCounts } from '../coreference.js';

/** Parses by sentence index: undefined for a sentence left unparsed. */
export interface SentenceParses {
  get(sentence: number): ParsedSentence | undefined;
}

/** A parser of one sentence: `text.slice(start, end)`, token offsets into `text`. */
export type SentenceParser = (text: string, start: number, end: number) => ParsedSentence;

/**
 * Which sentences may hold a fact, and so are parsed: a trigger word of a frame with two names,
 * pronouns or descriptions to fill its roles (a fact links two entities), or two names with an
 * office word between them ("Russian energy minister Ivan Petrov"). A sentence with no trigger
 * word and fewer than two names is never parsed.
 */
export function sentencesToParse(analyzed: AnalyzedText, resolved: Resolved, gazetteer: Gazetteer): boolean[] {
  const names = analyzed.sentences.map(() => 0);
  for (const mention of resolved.mentions) names[mention.sentence]!++;
  const anaphors = anaphorCounts(analyzed, resolved, gazetteer);
  const { forms, offices } = getFrames();
  const titleHeads = gazetteer.titleHeads;
  return analyzed.tokens.map((tokens, s) => {
    const words = tokens.map((token) => token.text.toLowerCase());
    if (words.some((word) => forms.has(word))) return names[s]! + anaphors[s]! >= 2;
    return names[s]! >= 2 && words.some((word) => titleHeads.has(word) || offices.leads.has(word) || offices.serves.has(word));
  });
}

/** The parses of a document's sentences, each made when first asked for, and only where a fact may be. */
export class LazyParses implements SentenceParses {
  private readonly wanted: boolean[];
  private readonly made = new Map<number, ParsedSentence>();

  constructor(
    private readonly analyzed: AnalyzedText,
    resolved: Resolved,
    gazetteer: Gazetteer,
    private readonly parser: SentenceParser,
  ) {
    this.wanted = sentencesToParse(analyzed, resolved, gazetteer);
  }

  get(sentence: number): ParsedSentence | undefined {
    if (!this.wanted[sentence]) return undefined;
    let parse = this.made.get(sentence);
    if (!parse) {
      const { start, end } = this.analyzed.sentences[sentence]!;
      parse = this.parser(this.analyzed.text, start, end);
      this.made.set(sentence, parse);
    }
    return parse;
  }
}
