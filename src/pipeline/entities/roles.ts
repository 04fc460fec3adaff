/**
 * Role phrases that stand for people named elsewhere in the document: "the Russian leader" is the
 * person the document calls a Russian leader; "the two leaders" are the two leaders it named.
 */

/** Nouns that, after a demonym, refer to a country's leader or official. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'leader', 'leaders', 'president', 'presidents', 'premier', 'counterpart', 'counterparts', 'head', 'chancellor',
  'king', 'monarch', 'ruler', 'prime', 'minister', 'ministers', 'officials', 'men', 'sides', 'heads',
]);

/** Determiner + number words of group references, and how many people they stand for. */
export const GROUP_ROLES: ReadonlyMap<string, number> = new Map([
  ['the two', 2],
  ['both the', 2],
  ['the three', 3],
]);
