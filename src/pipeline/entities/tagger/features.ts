import { continueHash, FeatureList, FNV_OFFSET, hashRange, hashString } from '../../../learn/index.js';
import type { AnalyzedText, Token } from '../../analyze.js';
import { type Gazetteer, nameKey } from '../gazetteer.js';
import { NAME_PATTERNS } from '../patterns.js';
import { documentContext, shoutingLines } from '../spans.js';
import { isSportsDocument, isTableLine } from '../teams.js';
import { opensQuote, startsLine, stripPossessive } from '../words.js';
import { NAME_TYPES, type TokenSpan, typeIndexOf } from './labels.js';

/**
 * Features of the name tagger. Each token's own features (word, shape, affixes, neighbours,
 * compromise's tags, gazetteer membership, position, the document's capitalisation) are hashed
 * once per document; the decoder adds the label before each token (transitions), and the second
 * pass adds what the first pass said about the same words elsewhere in the document (Krishnan &
 * Manning 2006).
 */

/** Feature templates: the first number mixed into a feature's hash. Never renumber: models store hashes. */
export const FEATURE_TEMPLATES = {
  bias: 0,
  word: 1,
  lower: 2,
  shape: 3,
  shortShape: 4,
  prefix: 5,
  suffix: 6,
  possessive: 7,
  wordAt: 8,
  shapeAt: 9,
  bigramBefore: 10,
  bigramAfter: 11,
  tag: 12,
  tagAt: 13,
  gazetteerWord: 14,
  firstName: 15,
  demonym: 16,
  title: 17,
  englishWord: 18,
  gazetteerPhrase: 19,
  patternWord: 20,
  sentenceStart: 21,
  lineStart: 22,
  shouting: 23,
  quote: 24,
  postPunctuation: 25,
  prePunctuation: 26,
  seenLowerCase: 27,
  seenCapitalisedInside: 28,
  shoutingShape: 29,
  stateAbbreviation: 30,
  sportsShape: 31,
  sportsPhrase: 32,
  tableLinePhrase: 33,
  tableLineShape: 34,
  previousLabel: 40,
  previousLabelWord: 42,
  previousLabelShape: 43,
  documentTokenMajority: 50,
  documentTokenSeen: 51,
  documentNameMajority: 52,
  documentLongerName: 53,
  firstPassLabel: 54,
} as const;
const T = FEATURE_TEMPLATES;

/** compromise tags worth a feature: parts of speech and its own lexicon's name guesses. */
const TAGS = new Map([
  'ProperNoun', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Place', 'Country', 'City', 'Region',
  'Organization', 'SportsTeam', 'Company', 'School', 'Noun', 'Plural', 'Verb', 'Adjective', 'Adverb', 'Determiner', 'Preposition',
  'Conjunction', 'Pronoun', 'Value', 'Date', 'Month', 'WeekDay', 'Acronym', 'Abbreviation', 'Demonym', 'Possessive', 'Hyphenated',
  'Currency', 'Actor', 'Unit',
].map((tag) => [tag, hashString(tag)] as [string, number]));

const PATTERN_WORDS = new Map<string, number>();
for (const pattern of NAME_PATTERNS) {
  for (const word of pattern.lastWords ?? []) PATTERN_WORDS.set(word, hashString(`last:${pattern.type}`));
  for (const word of pattern.firstWordsBeforeOf ?? []) PATTERN_WORDS.set(word, hashString(`first:${pattern.type}`));
}

/**
 * "Xx", "XX", "x.x.", "dd-dd": letters as X/x, digits as d, other characters kept; runs shortened.
 * The readable definition of the shape features: the extractor hashes them with `shapeHashes`,
 * which the tests hold to this.
 */
export function wordShape(word: string): { shape: string; short: string } {
  let shape = '';
  let short = '';
  for (const char of word) {
    const kind = characterKind(char);
    if (shape.length < 12) shape += kind;
    if (short[short.length - 1] !== kind) short += kind;
  }
  return { shape, short };
}

/** The hashes of `wordShape(word)`'s two strings, built without them (this runs for every token of a corpus). */
export function shapeHashes(word: string): { shape: number; short: number } {
  let shape = FNV_OFFSET;
  let shapeLength = 0;
  let short = FNV_OFFSET;
  // As `wordShape` compares a kind with the short shape's last code unit.
  let lastUnit: string | undefined;
  for (const char of word) {
    const kind = characterKind(char);
    if (shapeLength < 12) {
      shape = continueHash(shape, kind);
      shapeLength += kind.length;
    }
    if (lastUnit !== kind) {
      short = continueHash(short, kind);
      lastUnit = kind[kind.length - 1];
    }
  }
  return { shape: shape >>> 0, short: short >>> 0 };
}

/** X, x, d or the character itself; ASCII by its code, which is most characters and spares the Unicode tests. */
function characterKind(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : char;
  return /\p{Lu}/u.test(char) ? 'X' : /\p{Ll}/u.test(char) ? 'x' : /\d/.test(char) ? 'd' : char;
}

/** What the tagger knows about one document before labelling it. */
export interface DocumentFeatures {
  /** tokens[s][i]: the hashed own features of token i of sentence s; none when `outside`. */
  tokens: Int32Array[][];
  /** outside[s][i]: the token is surely no part of a name (see `outsideTokens`); it is labelled O unscored. */
  outside: boolean[][];
  /** keys[s][i]: the token's lower-cased word without a possessive, for document evidence. */
  keys: string[][];
  /** The hashes of each token's key and short shape, which the decoder's transition features need. */
  history: { lower: number[][]; shape: number[][] };
}

const NONE = hashString('');

/** The own features of every token of a document, hashed into `bucketCount` buckets. */
export function documentFeatures(analyzed: AnalyzedText, gazetteer: Gazetteer, bucketCount: number): DocumentFeatures {
  const context = documentContext(analyzed);
  const seenLowerCase = new Set<string>();
  for (const token of analyzed.tokens.flat()) if (/^\p{Ll}/u.test(token.text)) seenLowerCase.add(token.text.toLowerCase());
  const sports = isSportsDocument(analyzed);
  const list = new FeatureList(bucketCount, 512);
  const tokens: Int32Array[][] = [];
  const outsides: boolean[][] = [];
  const keys: string[][] = [];
  const history: DocumentFeatures['history'] = { lower: [], shape: [] };
  for (const sentence of analyzed.tokens) {
    const shouting = shoutingLines(sentence);
    const words = sentence.map((token) => stripPossessive(token.text));
    const lower = words.map((word) => word.toLowerCase());
    const lowerHashes = lower.map(hashString);
    const shapes = words.map(shapeHashes);
    const shortHashes = shapes.map((shape) => shape.short);
    const outside = outsideTokens(sentence);
    const tagHashes = sentence.map(nameTagHashes);
    const phrases = phraseMatches(analyzed.text, sentence, outside, gazetteer);
    const tableLine = isTableLine(sentence);
    const at = (hashes: number[], i: number): number => hashes[i] ?? NONE;
    outsides.push(outside);
    tokens.push(
      sentence.map((token, i) => {
        if (outside[i]) return NO_FEATURES;
        list.clear();
        const word = words[i]!;
        const key = lower[i]!;
        list.add(T.bias, 0);
        list.add(T.word, word === key ? lowerHashes[i]! : hashString(word));
        list.add(T.lower, lowerHashes[i]!);
        list.add(T.shape, shapes[i]!.shape);
        list.add(T.shortShape, shortHashes[i]!);
        for (let n = 1; n <= 4 && n < key.length; n++) {
          list.add(T.prefix, n, hashRange(key, 0, n));
          list.add(T.suffix, n, hashRange(key, key.length - n, key.length));
        }
        if (word !== token.text) list.add(T.possessive, 1);
        for (let offset = -3; offset <= 3; offset++) if (offset !== 0) list.add(T.wordAt, offset, at(lowerHashes, i + offset));
        list.add(T.shapeAt, -1, at(shortHashes, i - 1));
        list.add(T.shapeAt, 1, at(shortHashes, i + 1));
        list.add(T.bigramBefore, at(lowerHashes, i - 1), lowerHashes[i]!);
        list.add(T.bigramAfter, lowerHashes[i]!, at(lowerHashes, i + 1));
        for (const hash of tagHashes[i]!) list.add(T.tag, hash);
        for (const hash of tagHashes[i - 1] ?? []) list.add(T.tagAt, -1, hash);
        for (const hash of tagHashes[i + 1] ?? []) list.add(T.tagAt, 1, hash);
        const entry = gazetteer.names.get(key);
        if (entry) list.add(T.gazetteerWord, hashString(entry.type), hashString(entry.strength));
        if (gazetteer.firstNames.has(key)) list.add(T.firstName, 1);
        if (gazetteer.demonyms.has(key)) list.add(T.demonym, 1);
        if (gazetteer.titles.has(key) || gazetteer.titleHeads.has(key)) list.add(T.title, 1);
        if (gazetteer.words.has(key)) list.add(T.englishWord, 1);
        if (gazetteer.stateAbbreviations.has(key.replace(/\.$/, ''))) list.add(T.stateAbbreviation, 1);
        const phrase = phrases[i];
        if (phrase) list.add(T.gazetteerPhrase, phrase.part, phrase.type);
        // Sports copy names teams by their towns ("Seattle 5 New York 3").
        if (sports) {
          list.add(T.sportsShape, shortHashes[i]!);
          list.add(T.sportsPhrase, phrase?.type ?? NONE);
        }
        if (tableLine) {
          list.add(T.tableLinePhrase, phrase?.type ?? NONE);
          list.add(T.tableLineShape, shortHashes[i]!);
        }
        const pattern = PATTERN_WORDS.get(key);
        if (pattern !== undefined) list.add(T.patternWord, pattern);
        if (i === 0) list.add(T.sentenceStart, 1);
        if (startsLine(sentence, i)) list.add(T.lineStart, 1);
        if (shouting[i]) {
          list.add(T.shouting, 1);
          list.add(T.shoutingShape, shortHashes[i]!);
        }
        if (opensQuote(token)) list.add(T.quote, 1);
        list.add(T.postPunctuation, hashString(token.post.trim().slice(0, 2)));
        list.add(T.prePunctuation, hashString(token.pre.trim().slice(-1)));
        if (seenLowerCase.has(key)) list.add(T.seenLowerCase, 1);
        if (context.capitalisedInside.has(key)) list.add(T.seenCapitalisedInside, 1);
        return list.buckets.slice(0, list.length);
      }),
    );
    keys.push(lower);
    history.lower.push(lowerHashes);
    history.shape.push(shortHashes);
  }
  return { tokens, outside: outsides, keys, history };
}

const NO_FEATURES = new Int32Array(0);

/** The hashes of the token's compromise tags that are worth a feature, in the tags' order. */
function nameTagHashes(token: Token): number[] {
  const hashes: number[] = [];
  for (const tag of token.tags) {
    const hash = TAGS.get(tag);
    if (hash !== undefined) hashes.push(hash);
  }
  return hashes;
}

/** A capital letter or a digit: what every part of a name or its neighbour has, bar a lower-case connector. */
const mayName = (token: Token | undefined): boolean => token !== undefined && /[\p{Lu}\d]/u.test(token.text);

/**
 * Whether each token of a sentence is surely no part of a name: a token without a capital or a
 * digit between two such tokens. "of" in "Bank of England" has capitalised neighbours and is
 * scored, "said" in "he said the" is not. In news most tokens are such; leaving them unscored
 * (training and tagging alike) halves the tagger's time.
 */
function outsideTokens(sentence: readonly Token[]): boolean[] {
  const naming = sentence.map(mayName);
  return naming.map((names, i) => !names && !naming[i - 1] && !naming[i + 1]);
}

/**
 * The longest names of the gazetteer (up to five tokens, starting at a scored token) in a
 * sentence, as each token's part (B, I, L, U) and the name's type and strength, hashed.
 */
function phraseMatches(text: string, sentence: Token[], outside: boolean[], gazetteer: Gazetteer): ({ part: number; type: number } | undefined)[] {
  const found: ({ part: number; type: number } | undefined)[] = new Array(sentence.length);
  const firstWords = nameFirstWords(gazetteer);
  for (let i = 0; i < sentence.length; i++) {
    if (outside[i]) continue;
    const start = sentence[i]!.start;
    // A phrase with a space in it is a name only if its first word begins one: most are not, and are skipped unread.
    WHITESPACE.lastIndex = start;
    const space = WHITESPACE.exec(text)?.index ?? text.length;
    const firstWordKnown = firstWords.has(nameKey(text.slice(start, space)));
    for (let end = Math.min(sentence.length, i + 5); end > i; end--) {
      if (!firstWordKnown && sentence[end - 1]!.end > space) continue;
      const entry = gazetteer.names.get(nameKey(stripPossessive(text.slice(start, sentence[end - 1]!.end))));
      if (!entry) continue;
      const type = hashString(`${entry.type}:${entry.strength}`);
      for (let k = i; k < end; k++) found[k] = { part: end - i === 1 ? 3 : k === i ? 0 : k === end - 1 ? 2 : 1, type };
      i = end - 1;
      break;
    }
  }
  return found;
}

const WHITESPACE = /\s/g;

const firstWordsOf = new WeakMap<Gazetteer, ReadonlySet<string>>();

/** The first words of the gazetteer's names of several words ("new" of "new york"); built once per gazetteer. */
export function nameFirstWords(gazetteer: Gazetteer): ReadonlySet<string> {
  let words = firstWordsOf.get(gazetteer);
  if (!words) {
    const found = new Set<string>();
    for (const key of gazetteer.names.keys()) {
      const space = key.indexOf(' ');
      if (space > 0) found.add(key.slice(0, space));
    }
    firstWordsOf.set(gazetteer, (words = found));
  }
  return words;
}

/**
 * Adds the features of the label before a token (a transition) to `list`: the label alone, which
 * the decoder scores once per sentence, and the label with the token's word and with its shape.
 */
export function addHistory(list: FeatureList, previous: number, lowerHash: number, shapeHash: number, withLabelAlone = true): void {
  if (withLabelAlone) list.add(T.previousLabel, previous);
  list.add(T.previousLabelWord, previous, lowerHash);
  list.add(T.previousLabelShape, previous, shapeHash);
}

/**
 * Document evidence from a first pass: for every token, what the first pass called the same word
 * elsewhere in the document (majority type and every type seen), what it called the same name,
 * and the type of longer names containing the word. Returned as hashed features per token.
 */
export function documentEvidence(document: DocumentFeatures, firstPass: TokenSpan[][], firstLabels: number[][], bucketCount: number): Int32Array[][] {
  const wordTypes = new Map<string, number[]>();
  const nameTypes = new Map<string, number[]>();
  const longerTypes = new Map<string, number[]>();
  const count = (table: Map<string, number[]>, key: string, type: number): void => {
    let counts = table.get(key);
    if (!counts) table.set(key, (counts = new Array<number>(NAME_TYPES.length + 1).fill(0)));
    counts[type + 1]!++;
  };
  const spanKey = (s: number, span: TokenSpan): string => document.keys[s]!.slice(span.start, span.end).join(' ');
  firstLabels.forEach((labels, s) => labels.forEach((label, i) => count(wordTypes, document.keys[s]![i]!, typeIndexOf(label))));
  firstPass.forEach((spans, s) => {
    for (const span of spans) {
      const type = NAME_TYPES.indexOf(span.type);
      count(nameTypes, spanKey(s, span), type);
      if (span.end - span.start > 1) for (let k = span.start; k < span.end; k++) count(longerTypes, document.keys[s]![k]!, type);
    }
  });
  const list = new FeatureList(bucketCount, 32);
  const majority = (counts: number[] | undefined, minus = -1): number | undefined => {
    if (!counts) return undefined;
    let best = -1;
    let bestCount = 0;
    counts.forEach((n, k) => {
      const c = k === minus ? n - 1 : n;
      if (c > bestCount) [best, bestCount] = [k, c];
    });
    return best < 0 ? undefined : best;
  };
  return firstLabels.map((labels, s) => {
    const spanAt = new Map<number, TokenSpan>();
    for (const span of firstPass[s]!) for (let k = span.start; k < span.end; k++) spanAt.set(k, span);
    return labels.map((label, i) => {
      if (document.outside[s]![i]) return NO_FEATURES;
      list.clear();
      const key = document.keys[s]![i]!;
      const own = typeIndexOf(label) + 1;
      list.add(T.firstPassLabel, label);
      const counts = wordTypes.get(key)!;
      const word = majority(counts, own);
      if (word !== undefined) list.add(T.documentTokenMajority, word);
      counts.forEach((n, k) => {
        if (k > 0 && n - (k === own ? 1 : 0) > 0) list.add(T.documentTokenSeen, k);
      });
      const span = spanAt.get(i);
      if (span) {
        const name = majority(nameTypes.get(spanKey(s, span)), NAME_TYPES.indexOf(span.type) + 1);
        if (name !== undefined) list.add(T.documentNameMajority, name, span.end - span.start === 1 ? 1 : 0);
      }
      const longer = majority(longerTypes.get(key), span && span.end - span.start > 1 ? NAME_TYPES.indexOf(span.type) + 1 : -1);
      if (longer !== undefined) list.add(T.documentLongerName, longer, span ? 1 : 0);
      return list.buckets.slice(0, list.length);
    });
  });
}
