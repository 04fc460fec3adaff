import { UserError } from '../errors.js';
import { commentValue, parseConllu, type ConlluWord } from '../syntax/conllu.js';
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';

/**
 * CoNLL-U with coreference in the MISC column, as GUM (UD English GUM) writes it:
 * `Entity=(12-person-giv:act-...-1-coref` opens a mention of chain 12 on a word, `12)` closes it,
 * `(12-person-...)` is a one-word mention. The opening's fields follow the file's
 * `# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity`; `minspan` lists the
 * mention's head words, counted from 1 inside the mention. Documents start at `# newdoc id = …`.
 * The text is rebuilt from the word forms (SpaceAfter=No respected, paragraphs on blank lines), so
 * every word and mention has offsets into it. The lines themselves are read by the syntax layer's
 * CoNLL-U reader.
 */

export interface CorefMention {
  /** The chain (GRP) it belongs to. */
  chain: string;
  /** GUM's entity type: person, place, organization, abstract … */
  entityType: string;
  sentence: number;
  start: number;
  end: number;
  /** Its head words (minspan): what a predicted mention must touch to be this one. */
  heads: SyntaxToken[];
  /** The words of the mention, in order. */
  words: SyntaxToken[];
  /** The UD features of its first word ("PronType=Prs|Person=3"). */
  features: string;
}

export interface CorefDocument {
  id: string;
  text: string;
  /** The file's own trees, with offsets into `text`. */
  sentences: ParsedSentence[];
  mentions: CorefMention[];
}

interface Word {
  token: SyntaxToken;
  features: string;
  misc: string;
}

export function parseCorefConllu(content: string, name = 'conllu'): CorefDocument[] {
  const documents: { id: string; text: string; sentences: ParsedSentence[]; words: Word[][] }[] = [];
  for (const sentence of parseConllu(content, name)) {
    const id = commentValue(sentence, 'newdoc id');
    if (id !== undefined || documents.length === 0) documents.push({ id: id?.trim() ?? name, text: '', sentences: [], words: [] });
    const document = documents.at(-1)!;
    // Sentences of a paragraph run on after a space, paragraphs after a blank line.
    const paragraph = sentence.comments.some((comment) => /^newpar\b/.test(comment));
    if (document.text !== '') document.text = document.text.trimEnd() + (paragraph ? '\n\n' : ' ');
    const words = spellOut(document, sentence.words, sentence.multiwords);
    document.sentences.push({ start: words[0]!.token.start, end: words.at(-1)!.token.end, tokens: words.map((w) => w.token) });
    document.words.push(words);
  }
  return documents.map(({ id, text, sentences, words }) => ({ id, text: text.trimEnd(), sentences, mentions: mentionsOf(words, `${name}: ${id}`) }));
}

/** Append a sentence's words to the document text (SpaceAfter=No respected), each with its offsets. */
function spellOut(document: { text: string }, words: ConlluWord[], multiwords: Map<number, string>): Word[] {
  const spelt: Word[] = [];
  let multiword: { last: number; form: string; start: number } | undefined;
  for (const word of words) {
    const line = multiwords.get(word.id);
    if (line !== undefined) {
      // "country’s" is written once; its words "country" and "’s" sit inside it where they are spelt out.
      const [range = '', form = '', , , , , , , , misc = ''] = line.split('\t');
      multiword = { last: Number(range.split('-')[1]), form, start: document.text.length };
      document.text += form + (/SpaceAfter=No/.test(misc) ? '' : ' ');
    }
    let start: number;
    let end: number;
    if (multiword) {
      const at = multiword.form.indexOf(word.form);
      start = multiword.start + Math.max(at, 0);
      end = at >= 0 ? start + word.form.length : multiword.start + multiword.form.length;
      if (word.id >= multiword.last) multiword = undefined;
    } else {
      start = document.text.length;
      end = start + word.form.length;
      document.text += word.form + (/SpaceAfter=No/.test(word.misc) ? '' : ' ');
    }
    const { id, form, lemma, upos, xpos, head, deprel } = word;
    const token: SyntaxToken = { id, form, start, end, upos, lemma, head: Math.max(head, 0), deprel, ...(xpos !== '_' && { xpos }) };
    spelt.push({ token, features: word.feats, misc: word.misc });
  }
  return spelt;
}

/** Mentions from the `Entity=` brackets of each sentence's words. */
function mentionsOf(sentences: Word[][], where: string): CorefMention[] {
  const mentions: CorefMention[] = [];
  sentences.forEach((words, s) => {
    const open: { chain: string; fields: string[]; first: number }[] = [];
    words.forEach((word, w) => {
      const entity = /(?:^|\|)Entity=([^|]*)/.exec(word.misc)?.[1];
      if (!entity) return;
      const close = (chain: string): void => {
        const at = open.findLastIndex((o) => o.chain === chain);
        if (at < 0) throw new UserError(`${where}: sentence ${s + 1}: mention ${chain} closed but never opened`);
        const [opened] = open.splice(at, 1);
        mentions.push(makeMention(opened!, words, w, s));
      };
      for (const part of entity.matchAll(/\((\d+)([^()]*)(\))?|(\d+)\)/g)) {
        if (part[4] !== undefined) {
          close(part[4]);
          continue;
        }
        open.push({ chain: part[1]!, fields: part[2]!.split('-').slice(1), first: w });
        if (part[3]) close(part[1]!);
      }
    });
    if (open.length > 0) throw new UserError(`${where}: sentence ${s + 1}: mention ${open[0]!.chain} never closed`);
  });
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

function makeMention(opened: { chain: string; fields: string[]; first: number }, words: Word[], last: number, sentence: number): CorefMention {
  const span = words.slice(opened.first, last + 1);
  const [entityType = '', , , , minspan = ''] = opened.fields;
  const heads = /^[\d,]+$/.test(minspan)
    ? minspan.split(',').map(Number).filter((k) => k >= 1 && k <= span.length).map((k) => span[k - 1]!.token)
    : span.map((w) => w.token);
  return {
    chain: opened.chain,
    entityType,
    sentence,
    start: span[0]!.token.start,
    end: span.at(-1)!.token.end,
    heads,
    words: span.map((w) => w.token),
    features: span[0]!.features,
  };
}
