import type { Span } from './spans.js';

export interface RebuiltText {
  text: string;
  /** offsets[s][t]: where token t of sentence s stands in `text`. */
  offsets: Span[][];
}

const CLOSING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', '...']);
const OPENING = new Set(['(', '[', '{', '$']);
const CLITICS = new Set(["'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"]);
const QUOTES = new Set(['"', '``', "''"]);

/**
 * Text as a reader would see it, rebuilt from tokenized sentences: one sentence a line (so the
 * pipeline sees the sentence boundaries), no space before closing punctuation and clitics, none
 * after opening brackets; straight double quotes alternate between opening and closing.
 */
export function joinTokens(sentences: readonly (readonly string[])[]): RebuiltText {
  let text = '';
  const offsets: Span[][] = [];
  for (const tokens of sentences) {
    if (text.length > 0) text += '\n';
    const spans: Span[] = [];
    let quoteOpen = false;
    let glueNext = true;
    for (const token of tokens) {
      const isQuote = QUOTES.has(token);
      const closingQuote = isQuote && quoteOpen;
      const glue = glueNext || CLOSING.has(token) || CLITICS.has(token.toLowerCase()) || closingQuote;
      if (!glue) text += ' ';
      spans.push({ start: text.length, end: text.length + token.length });
      text += token;
      if (isQuote) quoteOpen = !quoteOpen;
      glueNext = OPENING.has(token) || (isQuote && quoteOpen);
    }
    offsets.push(spans);
  }
  return { text, offsets };
}
