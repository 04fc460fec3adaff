import { UserError } from '../errors.js';
import type { ParsedSentence, SyntaxToken } from '../syntax/types.js';

/**
 * CoNLL-U with coreference in the MISC column, as GUM (UD English GUM) writes it:
 * `Entity=(12-person-giv:act-...-1-coref` opens a mention of chain 12 on a word, `12)` closes it,
 * `(12-person-...)` is a one-word mention. The opening's fields follow the file's
 * `# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity`; `minspan` lists the
 * mention's head words, counted from 1 inside the mention. Documents start at `# newdoc id = …`.
 * The text is rebuilt from the word forms (SpaceAfter=No respected, paragraphs on blank lines), so
 * every word and mention has offsets into it.
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

const FIELD_COUNT = 10;

export function parseCorefConllu(content: string, name = 'conllu'): CorefDocument[] {
  const documents: CorefDocument[] = [];
  let current: { id: string; text: string; sentences: ParsedSentence[]; words: Word[][] } | undefined;
  let sentence: Word[] = [];
  let multiword: { last: number; form: string; spaceAfter: boolean; start: number } | undefined;
  let pendingParagraph = false;

  const finishSentence = (): void => {
    if (!current || sentence.length === 0) return;
    current.sentences.push({ start: sentence[0]!.token.start, end: sentence.at(-1)!.token.end, tokens: sentence.map((w) => w.token) });
    current.words.push(sentence);
    sentence = [];
  };
  const finishDocument = (): void => {
    finishSentence();
    if (current) documents.push({ id: current.id, text: current.text, sentences: current.sentences, mentions: mentionsOf(current.words, `${name}: ${current.id}`) });
  };

  const lines = content.split(/\r?\n/);
  lines.forEach((line, n) => {
    const where = `${name}:${n + 1}`;
    if (line.startsWith('#')) {
      const doc = /^# newdoc id = (.+)$/.exec(line);
      if (doc) {
        finishDocument();
        current = { id: doc[1]!.trim(), text: '', sentences: [], words: [] };
        pendingParagraph = false;
      } else if (/^# newpar\b/.test(line)) pendingParagraph = true;
      return;
    }
    if (line.trim() === '') {
      finishSentence();
      return;
    }
    const fields = line.split('\t');
    if (fields.length !== FIELD_COUNT) throw new UserError(`${where}: expected ${FIELD_COUNT} tab-separated fields, found ${fields.length}`);
    current ??= { id: name, text: '', sentences: [], words: [] };
    const [id, form, lemma, upos, xpos, features, head, deprel, , misc] = fields as [string, string, string, string, string, string, string, string, string, string];
    if (/^\d+\.\d+$/.test(id)) return; // empty nodes have no surface
    const range = /^(\d+)-(\d+)$/.exec(id);
    // Sentences of a paragraph run on after a space, paragraphs after a blank line.
    const separator = (): string => {
      const text = current!.text;
      if (text === '' || (sentence.length > 0 && !pendingParagraph)) return '';
      if (pendingParagraph) {
        current!.text = text.trimEnd();
        return '\n\n';
      }
      return /\s$/.test(text) ? '' : ' ';
    };
    if (range) {
      const before = separator();
      current.text += before;
      pendingParagraph = false;
      multiword = { last: Number(range[2]), form, spaceAfter: !/SpaceAfter=No/.test(misc), start: current.text.length };
      current.text += form;
      if (multiword.spaceAfter) current.text += ' ';
      return;
    }
    if (!/^\d+$/.test(id) || !/^\d+$/.test(head)) throw new UserError(`${where}: bad word id or head`);
    let start: number;
    let end: number;
    if (multiword) {
      // A word of "country’s": its place inside the surface form where it is spelt out, else the whole form.
      const at = multiword.form.indexOf(form, 0);
      const whole = { start: multiword.start, end: multiword.start + multiword.form.length };
      start = at >= 0 ? multiword.start + at : whole.start;
      end = at >= 0 ? start + form.length : whole.end;
      if (Number(id) === multiword.last) multiword = undefined;
    } else {
      const before = separator();
      current.text += before;
      pendingParagraph = false;
      start = current.text.length;
      current.text += form;
      end = current.text.length;
      if (!/SpaceAfter=No/.test(misc)) current.text += ' ';
    }
    const token: SyntaxToken = { id: Number(id), form, start, end, upos, lemma, head: Number(head), deprel, ...(xpos !== '_' && { xpos }) };
    sentence.push({ token, features, misc });
  });
  finishDocument();
  for (const document of documents) document.text = document.text.trimEnd();
  return documents;
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
