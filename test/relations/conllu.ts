import { readFileSync } from 'node:fs';
import type { ParsedSentence, SyntaxToken } from '../../src/syntax/types.js';

/** A gold-parsed sentence of a UD treebank: its text and its tree, offsets into that text. */
export interface GoldSentence {
  id: string;
  text: string;
  parse: ParsedSentence;
}

/** The sentences of a CoNLL-U file (multiword-token lines and empty nodes skipped), words located in `# text`. */
export function readConllu(path: string): GoldSentence[] {
  const sentences: GoldSentence[] = [];
  for (const block of readFileSync(path, 'utf8').split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const id = lines.find((l) => l.startsWith('# sent_id'))?.replace(/^# sent_id = /, '') ?? '';
    const text = lines.find((l) => l.startsWith('# text ='))?.slice('# text = '.length);
    if (text === undefined) continue;
    const tokens: SyntaxToken[] = [];
    let at = 0;
    for (const line of lines) {
      const cols = line.split('\t');
      if (cols.length !== 10 || !/^\d+$/.test(cols[0]!)) continue;
      const [idText, form, lemma, upos, xpos, , head, deprel] = cols as [string, string, string, string, string, string, string, string];
      const start = text.indexOf(form, at);
      const found = start >= 0 ? start : at;
      at = start >= 0 ? start + form.length : at;
      tokens.push({ id: Number(idText), form, start: found, end: found + (start >= 0 ? form.length : 0), upos, xpos, lemma, head: Number(head), deprel });
    }
    sentences.push({ id, text, parse: { start: 0, end: text.length, tokens } });
  }
  return sentences;
}
