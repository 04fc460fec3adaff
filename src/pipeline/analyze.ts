import nlp from 'compromise/two';
import type { Sentence } from '../types.js';
import { chunkText, type TextRange } from './chunks.js';

/** A word with its compromise tags and its offsets in the document text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Punctuation and spaces before and after the word, as compromise split them. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  sentence: number;
  /** Index within the sentence. */
  index: number;
  /** A line break follows (compromise keeps none in `post`): it ends a name as surely as a full stop. */
  endsLine: boolean;
}

/** The shared document record the NLP stages read: sentences and their tokens. */
export interface AnalyzedText {
  text: string;
  sentences: Sentence[];
  /** tokens[i] are the tokens of sentences[i]. */
  tokens: Token[][];
}

/** A term as compromise keeps it, once `compute('offset')` has run. */
interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
  offset: { start: number; length: number };
}

/**
 * compromise's tagging steps less `postTagger`, its pass of phrase-level corrections: that pass is
 * about three quarters of compromise's time, and the entity stage reads names with gazetteers and
 * patterns of its own. The lexicon and suffix tags (FirstName, Place, Date, Verb …) stay. Also left
 * out: the steps that serve compromise's own matching and views, which the pipeline never uses
 * (term ids, aliases such as "&" for "and", typeahead), and `machine`, which `nlp.tokenize` has run
 * already (it has run `contractions` too, but a second run of that step changes tags in 33 of the
 * 2,225 BBC articles, so it stays).
 */
const UNUSED_STEPS = new Set(['postTagger', 'id', 'alias', 'typeahead', 'machine']);
const TAGGING_STEPS = (nlp.world() as { hooks: string[] }).hooks.filter((step) => !UNUSED_STEPS.has(step));

/**
 * compromise reads at most this many characters at a time: its time, and the entity stage's work
 * on one sentence, grow faster than linearly with a sentence's length, and a text without
 * punctuation is one sentence. Longer paragraphs are cut at sentence ends (see `chunkText`).
 */
export const ANALYSIS_CHUNK_CHARS = 10_000;

/**
 * Sentences and tagged tokens of the cleaned text (or of its `range`, offsets still into the whole
 * text), from compromise passes over pieces of at most `ANALYSIS_CHUNK_CHARS`.
 */
export function analyze(text: string, range?: TextRange): AnalyzedText {
  const sentences: Sentence[] = [];
  const tokens: Token[][] = [];
  for (const piece of chunkText(text, ANALYSIS_CHUNK_CHARS, range)) analyzePiece(text, piece.start, piece.end, sentences, tokens);
  const all = tokens.flat();
  all.forEach((token, i) => {
    const next = all[i + 1];
    token.endsLine = next !== undefined && text.slice(token.end, next.start).includes('\n');
  });
  return { text, sentences, tokens };
}

/** One compromise pass over text[from, to); sentences and tokens are appended with offsets into the whole text. */
function analyzePiece(text: string, from: number, to: number, sentences: Sentence[], tokens: Token[][]): void {
  const parsed = nlp.tokenize(text.slice(from, to));
  parsed.compute(TAGGING_STEPS);
  parsed.compute('offset');
  // Reading compromise's own term lists skips building its JSON view: a third of the parse cost.
  const terms = (parsed as unknown as { docs: CompromiseTerm[][] }).docs;
  for (const sentenceTerms of terms) {
    const words = sentenceTerms.filter((term) => term.text.length > 0);
    if (words.length === 0) continue;
    const index = sentences.length;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const start = from + first.offset.start - leadingPunctuation(first.pre);
    const end = from + last.offset.start + last.offset.length + trailingPunctuation(last.post);
    sentences.push({ index, start, end, text: text.slice(start, end) });
    tokens.push(
      words.map((term, i) => ({
        text: term.text,
        start: from + term.offset.start,
        end: from + term.offset.start + term.offset.length,
        pre: term.pre,
        post: term.post,
        tags: term.tags,
        sentence: index,
        index: i,
        endsLine: false,
      })),
    );
  }
}

/** Opening quotes and brackets touching the first word belong to the sentence; spaces do not. */
function leadingPunctuation(pre: string): number {
  return /\S*$/.exec(pre)![0].length;
}

function trailingPunctuation(post: string): number {
  return /^\S*/.exec(post)![0].length;
}
