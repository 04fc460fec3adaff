/**
 * Lemmas: suffix rules by part of speech for any word, and a table learnt from the treebank for the
 * words the rules get wrong ("was" → "be", "children" → "child", "better" → "good").
 */
import type { ConlluSentence } from './conllu.js';

/** `lowercased form \t UPOS` → lemma, only where the rules would be wrong. */
export type LemmaTable = Map<string, string>;

export function lemmatize(form: string, upos: string, table: LemmaTable): string {
  if (upos === 'PROPN') return form;
  const lower = form.toLowerCase().replace(/’/g, "'");
  return table.get(`${lower}\t${upos}`) ?? ruleLemma(lower, upos);
}

/** Regular English inflection undone: plurals of nouns, -s/-ed/-ing of verbs. */
export function ruleLemma(lower: string, upos: string): string {
  if (upos === 'NOUN') {
    if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
    if (lower.length > 4 && /(?:ches|shes|sses|xes|zzes)$/.test(lower)) return lower.slice(0, -2);
    if (lower.length > 3 && lower.endsWith('s') && !/(?:ss|us|is)$/.test(lower)) return lower.slice(0, -1);
    return lower;
  }
  if (upos === 'VERB' || upos === 'AUX') {
    if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
    if (lower.length > 4 && lower.endsWith('ied')) return `${lower.slice(0, -3)}y`;
    if (lower.length > 5 && /([bdgklmnprt])\1(?:ed|ing)$/.test(lower)) return lower.replace(/(.)(?:ed|ing)$/, '');
    if (lower.length > 4 && /(?:ches|shes|sses|xes)$/.test(lower)) return lower.slice(0, -2);
    if (lower.length > 4 && lower.endsWith('ing')) return restoreE(lower.slice(0, -3));
    if (lower.length > 3 && lower.endsWith('ed')) return restoreE(lower.slice(0, -2));
    if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
    return lower;
  }
  return lower;
}

/** Stem endings that lost an "e" to -ed/-ing: "negotiat(ed)", "produc(ing)", "involv(ed)", "provok(ing)". */
const E_DROPPED = /(?:v|c|[^n]g|z|[^eo]at|[^aeiou]iz|[bptdgkf]l|[^o]ok|[^a]ir)$/;

function restoreE(stem: string): string {
  return E_DROPPED.test(stem) ? `${stem}e` : stem;
}

/** The treebank's most frequent lemma of each (form, tag) wherever the rules disagree with it. */
export function buildLemmaTable(treebank: readonly ConlluSentence[]): LemmaTable {
  const counts = new Map<string, Map<string, number>>();
  for (const sentence of treebank) {
    for (const word of sentence.words) {
      if (word.upos === 'PROPN' || word.lemma === '_') continue;
      const key = `${word.form.toLowerCase().replace(/’/g, "'")}\t${word.upos}`;
      let perLemma = counts.get(key);
      if (!perLemma) counts.set(key, (perLemma = new Map()));
      perLemma.set(word.lemma, (perLemma.get(word.lemma) ?? 0) + 1);
    }
  }
  const table: LemmaTable = new Map();
  for (const [key, perLemma] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [lemma] = [...perLemma].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const [lower, upos] = key.split('\t') as [string, string];
    if (ruleLemma(lower, upos) !== lemma) table.set(key, lemma);
  }
  return table;
}
