import type { AnalyzedText, Token } from '../../analyze.js';
import type { Gazetteer } from '../gazetteer.js';
import { NAME_PATTERNS } from '../patterns.js';
import { ABBREVIATIONS } from '../words.js';
import { NAME_TYPES, type NameType, type TokenSpan } from './labels.js';

/** Between character offsets (gold annotations, mentions) and the token ranges the tagger labels. */

/**
 * Character spans of names as token ranges per sentence: the tokens a span overlaps. A span that
 * crosses a sentence boundary (compromise split inside a name) or has a type the tagger does not
 * know is left out.
 */
export function tokenSpans(analyzed: AnalyzedText, spans: readonly { start: number; end: number; type: string }[]): TokenSpan[][] {
  const found: TokenSpan[][] = analyzed.tokens.map(() => []);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    if (!(NAME_TYPES as readonly string[]).includes(span.type)) continue;
    const tokens = analyzed.tokens.flat().filter((token) => token.start < span.end && span.start < token.end);
    if (tokens.length === 0 || tokens[0]!.sentence !== tokens[tokens.length - 1]!.sentence) continue;
    const sentence = found[tokens[0]!.sentence]!;
    const start = tokens[0]!.index;
    if (sentence.some((other) => other.end > start)) continue; // two names in one token: keep the first
    sentence.push({ start, end: tokens[tokens.length - 1]!.index + 1, type: span.type as NameType });
  }
  return found;
}

/**
 * The characters a token range names: without a closing possessive ("Germany's"), with the
 * period compromise split off an abbreviation at a sentence end ("U.S.", "Corp.", "Fla.").
 */
export function spanOffsets(tokens: readonly Token[], start: number, end: number, gazetteer: Gazetteer): { start: number; end: number } {
  const last = tokens[end - 1]!;
  let stop = last.end;
  if (/['’]s?$/u.test(last.text) && last.text.length > 2) stop -= /['’]s$/u.test(last.text) ? 2 : 1;
  else if (last.post.startsWith('.') && isAbbreviation(last.text.toLowerCase(), gazetteer)) stop += 1;
  return { start: tokens[start]!.start, end: stop };
}

/** Company suffixes written with a period ("Corp.", "Inc."), from the name patterns. */
const COMPANY_ABBREVIATIONS: ReadonlySet<string> = new Set(
  NAME_PATTERNS.flatMap((pattern) => pattern.lastWords ?? []).filter((word) => word.endsWith('.')).map((word) => word.slice(0, -1)),
);

const isAbbreviation = (word: string, gazetteer: Gazetteer): boolean =>
  word.includes('.') || ABBREVIATIONS.has(word) || COMPANY_ABBREVIATIONS.has(word) || gazetteer.stateAbbreviations.has(word);
