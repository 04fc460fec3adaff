import type { Mention } from '../../types.js';
import type { AnalyzedText, Token } from '../analyze.js';
import { nameKey } from './gazetteer.js';
import { isDateline } from './shapes.js';

/**
 * Sports copy names teams by their towns: "Surrey 320 for 5", "CHICAGO AT HOUSTON", "Leeds beat
 * Chelsea". In a results table or next to a match verb, a town (not a country: national sides
 * stay countries) is a team, and so is every other mention of that town in the document.
 */

/** Words that put two teams side by side. */
export const MATCH_WORDS: ReadonlySet<string> = new Set(['v', 'v.', 'vs', 'vs.', 'beat', 'beats', 'drew', 'draw', 'defeated', 'edged', 'routed', 'thrashed', 'at']);

/** A sentence that is a line of a results table: many of its tokens are numbers. */
export function isTableLine(tokens: Token[]): boolean {
  const numbers = tokens.filter((t) => /^[\d.,:/-]+$/.test(t.text)).length;
  return tokens.length >= 3 && numbers / tokens.length >= 0.3;
}

const scoreLike = /^\d{1,3}-\d{1,3}$/;

/** Sports copy: results tables or scores. */
export function isSportsDocument(analyzed: AnalyzedText): boolean {
  return analyzed.tokens.filter(isTableLine).length >= 2 || analyzed.tokens.flat().filter((t) => scoreLike.test(t.text)).length >= 2;
}

/** The mentions with the towns that name teams typed Organization (copies; the others as they were). */
export function markTeams(analyzed: AnalyzedText, mentions: readonly Mention[]): Mention[] {
  if (!isSportsDocument(analyzed)) return [...mentions];
  const teams = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'Place' || mention.role) continue;
    const tokens = analyzed.tokens[mention.sentence]!;
    const before = tokens.findLast((t) => t.end <= mention.start);
    const after = tokens.find((t) => t.start >= mention.end);
    const besideMatchWord = [before, after].some((t) => t && MATCH_WORDS.has(t.text.toLowerCase()) && !(t === before && t.text === 'at' && !isShoutingWord(t)));
    const followedByScore = after !== undefined && /^\d{1,3}$/.test(after.text) && !after.tags.has('Date');
    if (isTableLine(tokens) || besideMatchWord || followedByScore) teams.add(nameKey(mention.text));
  }
  return mentions.map((mention) => {
    if (mention.type !== 'Place' || !teams.has(nameKey(mention.text)) || isDateline(analyzed.tokens[mention.sentence]!, mention)) return mention;
    const { canonical: _canonical, ...rest } = mention;
    return { ...rest, type: 'Organization' };
  });
}

const isShoutingWord = (token: Token): boolean => token.text === token.text.toUpperCase();
