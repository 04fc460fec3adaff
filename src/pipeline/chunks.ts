/** A range of a text, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Breaks to cut a long text at, strongest first: a blank line (paragraph), a line end, a sentence
 * end before a capital, any white space. Each match ends where the next piece starts.
 */
const BREAKS: readonly RegExp[] = [/\n[^\S\n]*\n\s*/g, /\n\s*/g, /[.!?]["'”’)\]]*\s+(?=["'“‘(]*\p{Lu})/gu, /\s+/g];

/**
 * Cut `text` (or its `range`) into consecutive pieces of at most `limit` characters, each ending
 * at the strongest break in its last half, else at a hard cut (never inside a surrogate pair).
 * A text within the limit is one piece, so short documents are read exactly as before; each
 * character is looked at a bounded number of times, so time stays linear in the text's length.
 */
export function chunkText(text: string, limit: number, range: TextRange = { start: 0, end: text.length }): TextRange[] {
  const pieces: TextRange[] = [];
  let start = range.start;
  while (range.end - start > limit) {
    const end = breakIn(text, start + Math.floor(limit / 2), start + limit);
    pieces.push({ start, end });
    start = end;
  }
  if (range.end > start) pieces.push({ start, end: range.end });
  return pieces;
}

/** The end of the last strongest break within [from, to], or a hard cut at `to`. */
function breakIn(text: string, from: number, to: number): number {
  const window = text.slice(from, to);
  for (const pattern of BREAKS) {
    let end = -1;
    for (const match of window.matchAll(pattern)) end = match.index + match[0].length;
    if (end > 0) return from + end;
  }
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}
