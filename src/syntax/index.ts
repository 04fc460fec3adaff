/**
 * The syntactic layer: UD tokens, UPOS tags, lemmas and labelled dependency arcs for English
 * sentences, from a model trained on UD English EWT (`npm run train:syntax`).
 */
import { fileURLToPath } from 'node:url';
import { SyntaxModel } from './model.js';
import { tokenize, type TextToken } from './tokenize.js';
import type { ParsedSentence, SyntaxToken } from './types.js';

export type { ParsedSentence, SyntaxToken } from './types.js';
export { SyntaxModel, type WordAnalysis } from './model.js';
export { tokenize, type TextToken } from './tokenize.js';

/** The shipped model (CC BY-SA 4.0, trained on UD English EWT). */
export const SYNTAX_MODEL_PATH = fileURLToPath(new URL('../../data/models/syntax-en-ewt.kgm', import.meta.url));

let cached: SyntaxModel | undefined;

/** The shipped model, loaded on first use and kept for the process. */
export function syntaxModel(): SyntaxModel {
  cached ??= SyntaxModel.load(SYNTAX_MODEL_PATH);
  return cached;
}

/**
 * Tokenizes `text.slice(start, end)` (one sentence) the UD way, then tags, lemmatizes and parses
 * it. Token offsets index `text`.
 */
export function parseSentence(text: string, start: number, end: number, model: SyntaxModel = syntaxModel()): ParsedSentence {
  const tokens = tokenize(text, start, end);
  return { start, end, tokens: annotate(tokens, model) };
}

/**
 * Parses a sentence given as its words (a treebank's tokenization). Offsets index `text` when the
 * words can be found in it in order, else the words joined by single spaces.
 */
export function parseWords(forms: readonly string[], text?: string, model: SyntaxModel = syntaxModel()): ParsedSentence {
  const tokens = (text !== undefined ? alignWords(forms, text) : undefined) ?? alignWords(forms, forms.join(' '))!;
  const end = tokens.length > 0 ? tokens[tokens.length - 1]!.end : 0;
  return { start: tokens.length > 0 ? tokens[0]!.start : 0, end, tokens: annotate(tokens, model) };
}

function annotate(tokens: readonly TextToken[], model: SyntaxModel): SyntaxToken[] {
  const analysis = model.analyze(tokens.map((token) => token.form));
  return tokens.map((token, index) => ({ id: index + 1, form: token.form, start: token.start, end: token.end, ...analysis[index]! }));
}

/** Each word found in `text` after the previous one, spaces skipped; undefined if one is missing. */
function alignWords(forms: readonly string[], text: string): TextToken[] | undefined {
  const tokens: TextToken[] = [];
  let position = 0;
  for (const form of forms) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (!text.startsWith(form, position)) return undefined;
    tokens.push({ form, start: position, end: position + form.length });
    position += form.length;
  }
  return tokens;
}
