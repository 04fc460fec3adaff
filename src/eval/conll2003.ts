import { UserError } from '../errors.js';
import { joinTokens } from './detokenize.js';
import { iobChunks, labeledSpan, type LabeledSpan } from './spans.js';

/** A document rebuilt from annotated tokens, with its gold entity spans. */
export interface AnnotatedDocument {
  id: string;
  text: string;
  /** Gold spans that are scored. */
  gold: LabeledSpan[];
  /** Gold spans left out of scoring (MISC, Other): predictions overlapping them are not counted. */
  excluded: LabeledSpan[];
}

interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

/** Gold types that are not scored: no pipeline type corresponds to them. */
export const EXCLUDED_NER_TYPES: ReadonlySet<string> = new Set(['MISC']);

/**
 * Read the CoNLL-2003 column format (`TOKEN POS CHUNK NER` a line, IOB1 or IOB2 tags, a blank line
 * between sentences, `-DOCSTART-` between documents) into documents with gold spans.
 * `name` only labels error messages and document ids.
 */
export function parseConll2003(content: string, name = 'conll'): AnnotatedDocument[] {
  const documents: TaggedSentence[][] = [];
  let sentences: TaggedSentence[] = [];
  let sentence: TaggedSentence = { tokens: [], tags: [] };
  const endSentence = (): void => {
    if (sentence.tokens.length > 0) sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length > 0) documents.push(sentences);
    sentences = [];
  };
  content.split(/\r?\n/).forEach((line, index) => {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '') return endSentence();
    if (fields[0] === '-DOCSTART-') return endDocument();
    if (fields.length < 2) {
      throw new UserError(`${name}:${index + 1}: expected "TOKEN ... NER-TAG", got "${line.trim()}"`);
    }
    sentence.tokens.push(fields[0]!);
    sentence.tags.push(fields[fields.length - 1]!);
  });
  endDocument();
  return documents.map((document, index) => annotate(`${name}#${index + 1}`, document));
}

function annotate(id: string, sentences: TaggedSentence[]): AnnotatedDocument {
  const { text, offsets } = joinTokens(sentences.map((sentence) => sentence.tokens));
  const gold: LabeledSpan[] = [];
  const excluded: LabeledSpan[] = [];
  sentences.forEach((sentence, s) => {
    let chunks;
    try {
      chunks = iobChunks(sentence.tags);
    } catch (error) {
      throw new UserError(`${id}, sentence ${s + 1}: ${(error as Error).message}`);
    }
    for (const { type, first, last } of chunks) {
      const span = labeledSpan(text, { start: offsets[s]![first]!.start, end: offsets[s]![last]!.end }, type);
      (EXCLUDED_NER_TYPES.has(type) ? excluded : gold).push(span);
    }
  });
  return { id, text, gold, excluded };
}
