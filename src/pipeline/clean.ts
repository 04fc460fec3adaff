/**
 * Page furniture that is not part of the article: navigation, bylines, disclaimers. Each pattern
 * matches one whole line.
 */
export const FURNITURE_LINES: readonly RegExp[] = [
  /^\s*skip to (main )?content\b.*$/i,
  /^\s*back to (the )?top\s*$/i,
  /^\s*see related sites\b.*$/i,
  /^\s*note: pages will open in a new browser window\s*$/i,
  /^\s*external sites are not endorsed by\b.*$/i,
  /^\s*(advertisement|story highlights|click here\b.*|share this\b.*|print this\b.*|e-?mail this\b.*)\s*$/i,
  /^\s*(all rights reserved|copyright\b.*|©.*)$/i,
  /^\s*by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}(,? [A-Z][A-Za-z ]+ (correspondent|writer|reporter|editor))?\s*$/,
];

/**
 * Blank out furniture lines and markup with spaces of the same length, so every offset into the
 * cleaned text is also an offset into the original text (evidence must point into the original).
 */
export function clean(text: string): string {
  let cleaned = looksLikeHtml(text) ? blankMarkup(text) : blankWireMarkup(text);
  cleaned = cleaned.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');
  cleaned = cleaned
    .split('\n')
    .map((line) => (FURNITURE_LINES.some((pattern) => pattern.test(line)) ? blank(line) : line))
    .join('\n');
  // Hard-wrapped copy (wire stories) breaks lines inside sentences: there a line that runs on into
  // an unindented next line is one paragraph. Blank and indented lines still end paragraphs.
  if (!isHardWrapped(cleaned)) return cleaned;
  return cleaned.replace(/([^\n\s])[ \t]*\n(?=[^\s])/g, (match) => match.replace('\n', ' '));
}

/**
 * Wrapped text has mostly long lines, and most of them stop mid-sentence. Text with a sentence or
 * a headline a line, and tables of short lines, are not wrapped.
 */
function isHardWrapped(text: string): boolean {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const long = lines.filter((line) => line.length >= 40);
  if (lines.length < 3 || long.length < lines.length * 0.6) return false;
  const runOn = long.filter((line) => !/[.!?:;"'”’)\]]$/.test(line));
  return runOn.length >= long.length * 0.5;
}

/** Only real markup is markup: wire copy writes company names as "<Versatile Corp>" (see `blankWireMarkup`). */
function looksLikeHtml(text: string): boolean {
  // "<A/S Norske Shell>" is a wire name, not an <a> tag: a tag name ends at a space or the bracket.
  return /<\/?(html|body|head|p|div|br|span|a|title|script|article|section|h[1-6])(\s[^>]*)?\/?>/i.test(text);
}

/** What a wire name's brackets become: whitespace to every reader, and the edge of that name ("<Sterling Group> of Houston"). */
export const MARKUP_GAP = '\t';

/**
 * Newswire markup (Reuters): a ticker after a company's name ("American Express Co <AXP>") is
 * blanked, its first character a line break, which ends the name as the ticker did; a name the wire put in brackets ("<Versatile Corp> said") loses its brackets; the
 * "REUTER" signature that ends a story is blanked.
 */
function blankWireMarkup(text: string): string {
  return text
    .replace(/<[A-Z][A-Z0-9.&-]{0,9}>/g, (ticker) => `\n${' '.repeat(ticker.length - 1)}`)
    .replace(/<([^<>]{1,80})>/g, (_, name: string) => `${MARKUP_GAP}${name}${MARKUP_GAP}`)
    .replace(/(?<=^|\s)REUTERS?(\.\.\.)?(\^M)?( [A-Z]{1,4})?(?=[ \t\r]*(\n|$))/gm, blank);
}

function blankMarkup(text: string): string {
  return text
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, blank)
    .replace(/<[^>]*>/g, blank)
    .replace(/&(nbsp|amp|quot|apos|lt|gt|#\d+);/g, blank);
}

function blank(match: string): string {
  return match.replace(/[^\n]/g, ' ');
}
