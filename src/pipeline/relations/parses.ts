import type { ParsedSentence } from '../../syntax/types.js';
import type { AnalyzedText } from '../analyze.js';
import type { Resolved } from '../resolve.js';
import type { Gazetteer } from '../entities/gazetteer.js';
import { getFrames, type FactEnds } from './frames.js';
import { OFFICE_OWNERS } from './offices.js';
import type { EntityType } from '../../types.js';
import { sentenceAnaphors } from '../coreference.js';

/** Parses by sentence index: undefined for a sentence left unparsed. */
export interface SentenceParses {
  get(sentence: number): ParsedSentence | undefined;
}

/** A parser of one sentence: `text.slice(start, end)`, token offsets into `text`. */
export type SentenceParser = (text: string, start: number, end: number) => ParsedSentence;

/**
 * Which sentences may hold a fact, and so are parsed: a trigger word of a frame with two names,
 * pronouns or descriptions to fill its roles (a fact links two entities) whose types fit both ends
 * of a fact the frame states, or two names with an office word between them, a person and a
 * country or body among them ("Russian energy minister Ivan Petrov"). A sentence with no trigger
 * word and fewer than two names is never parsed.
 */
export function sentencesToParse(analyzed: AnalyzedText, resolved: Resolved, gazetteer: Gazetteer): boolean[] {
  const names = analyzed.sentences.map(() => 0);
  const types = analyzed.sentences.map(() => new Set<EntityType>());
  resolved.mentions.forEach((mention, i) => {
    names[mention.sentence]!++;
    for (const entity of resolved.referents[i] ?? []) types[mention.sentence]!.add(resolved.entities[entity]!.type);
  });
  const anaphors = sentenceAnaphors(analyzed, resolved, gazetteer);
  const { forms, offices, ends: { byTrigger, anchored } } = getFrames();
  const titleHeads = gazetteer.titleHeads;
  return analyzed.tokens.map((tokens, s) => {
    const words = tokens.map((token) => token.text.toLowerCase());
    // Names, pronouns and descriptions must fit both ends of some fact of a trigger's frames.
    const standFor = (wanted: ReadonlySet<EntityType>): boolean => overlaps(wanted, types[s]!) || overlaps(wanted, anaphors[s]!.types);
    const fits = (pair: FactEnds): boolean => standFor(pair.source) && standFor(pair.target);
    const triggered = words.some((word) => forms.get(word)?.some((lemma) => byTrigger.get(lemma)!.some(fits)));
    if (triggered && names[s]! + anaphors[s]!.count >= 2) return true;
    // An office links a person to the country or body named with the title; a name may anchor a frame there too.
    const office = standFor(PEOPLE) && overlaps(OFFICE_OWNERS, types[s]!);
    if (!office && !anchored.some(fits)) return false;
    return names[s]! >= 2 && words.some((word) => titleHeads.has(word) || offices.leads.has(word) || offices.serves.has(word));
  });
}

const PEOPLE: ReadonlySet<EntityType> = new Set(['Person']);

function overlaps<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const item of a) if (b.has(item)) return true;
  return false;
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
