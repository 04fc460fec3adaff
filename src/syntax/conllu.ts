/**
 * CoNLL-U (universaldependencies.org/format.html): read a treebank into sentences of words, and
 * write sentences back. Multiword-token lines ("2-3 don't") are kept as lines; empty nodes ("8.1",
 * enhanced dependencies only) are dropped.
 */
import { UserError } from '../errors.js';
import type { ParsedSentence } from './types.js';

export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

export interface ConlluSentence {
  /** Comment lines without the leading "# ", in order ("sent_id = …", "text = …"). */
  comments: string[];
  words: ConlluWord[];
  /** Multiword-token lines, by the id of their first word. */
  multiwords: Map<number, string>;
}

/** The value of a "# key = value" comment. */
export function commentValue(sentence: ConlluSentence, key: string): string | undefined {
  const prefix = `${key} = `;
  return sentence.comments.find((comment) => comment.startsWith(prefix))?.slice(prefix.length);
}

export function parseConllu(text: string, source: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence = { comments: [], words: [], multiwords: new Map() };
  const lines = text.split(/\r?\n/);
  const finish = (lineNumber: number): void => {
    if (current.words.length === 0 && current.comments.length === 0) return;
    if (current.words.length === 0) throw new UserError(`${source}:${lineNumber}: a sentence without words`);
    current.words.forEach((word, index) => {
      if (word.id !== index + 1) throw new UserError(`${source}:${lineNumber}: word ids of a sentence must run 1, 2, 3 …`);
      if (word.head > current.words.length) throw new UserError(`${source}:${lineNumber}: head ${word.head} is not a word of the sentence`);
    });
    sentences.push(current);
    current = { comments: [], words: [], multiwords: new Map() };
  };
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '') return finish(lineNumber);
    if (line.startsWith('#')) {
      current.comments.push(line.replace(/^#\s?/, ''));
      return;
    }
    const columns = line.split('\t');
    if (columns.length !== 10) throw new UserError(`${source}:${lineNumber}: expected 10 tab-separated columns, found ${columns.length}`);
    const [id, form, lemma, upos, xpos, feats, head, deprel, deps, misc] = columns as [string, string, string, string, string, string, string, string, string, string];
    if (/^\d+-\d+$/.test(id)) {
      current.multiwords.set(Number(id.split('-')[0]), line);
      return;
    }
    if (/^\d+\.\d+$/.test(id)) return;
    if (!/^\d+$/.test(id)) throw new UserError(`${source}:${lineNumber}: bad word id "${id}"`);
    if (head !== '_' && !/^\d+$/.test(head)) throw new UserError(`${source}:${lineNumber}: bad head "${head}"`);
    current.words.push({ id: Number(id), form, lemma, upos, xpos, feats, head: head === '_' ? -1 : Number(head), deprel, deps, misc });
  });
  finish(lines.length);
  return sentences;
}

export function formatConllu(sentences: readonly ConlluSentence[]): string {
  const out: string[] = [];
  for (const sentence of sentences) {
    for (const comment of sentence.comments) out.push(`# ${comment}`);
    for (const word of sentence.words) {
      const multiword = sentence.multiwords.get(word.id);
      if (multiword !== undefined) out.push(multiword);
      const head = word.head < 0 ? '_' : String(word.head);
      out.push([word.id, word.form, word.lemma, word.upos, word.xpos, word.feats, head, word.deprel, word.deps, word.misc].join('\t'));
    }
    out.push('');
  }
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}

/** A parsed sentence as CoNLL-U, each word's offsets in MISC as `TokenRange=start:end`. */
export function parsedToConllu(parsed: ParsedSentence, sentId: string, documentText: string): ConlluSentence {
  const words = parsed.tokens.map((token, index) => {
    const next = parsed.tokens[index + 1];
    const misc = [`TokenRange=${token.start}:${token.end}`];
    if (next && next.start === token.end) misc.unshift('SpaceAfter=No');
    return {
      id: token.id,
      form: token.form,
      lemma: token.lemma,
      upos: token.upos,
      xpos: token.xpos ?? '_',
      feats: '_',
      head: token.head,
      deprel: token.deprel,
      deps: '_',
      misc: misc.join('|'),
    };
  });
  const text = documentText.slice(parsed.start, parsed.end).replace(/\s+/g, ' ').trim();
  return { comments: [`sent_id = ${sentId}`, `text = ${text}`], words, multiwords: new Map() };
}
