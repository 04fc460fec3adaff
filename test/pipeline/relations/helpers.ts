import { analyze } from '../../../src/pipeline/analyze.js';
import { getGazetteer } from '../../../src/pipeline/entities/gazetteer.js';
import { findMentions } from '../../../src/pipeline/entities/index.js';
import { findRelations, type RelationContext } from '../../../src/pipeline/relations/index.js';
import { LazyParses, type SentenceParser } from '../../../src/pipeline/relations/parses.js';
import { resolve } from '../../../src/pipeline/resolve.js';
import type { ParsedSentence, SyntaxToken } from '../../../src/syntax/types.js';

/**
 * A hand-written UD tree over a text: `form/UPOS/head/deprel[/lemma]` per word, in order, each
 * form found in the text after the one before.
 */
export function handTree(text: string, words: string): ParsedSentence {
  let at = 0;
  const tokens: SyntaxToken[] = words
    .trim()
    .split(/\s+/)
    .map((word, i) => {
      const [form, upos, head, deprel, lemma] = word.split('/') as [string, string, string, string, string | undefined];
      const start = text.indexOf(form, at);
      if (start < 0) throw new Error(`"${form}" is not in "${text}" after offset ${at}`);
      at = start + form.length;
      return { id: i + 1, form, start, end: at, upos, lemma: lemma ?? form.toLowerCase(), head: Number(head), deprel };
    });
  return { start: 0, end: text.length, tokens };
}

/** The relations of a one-document text, as "TYPE source → target", read with the given parser; names from the rules alone, so that a frame test does not hang on the name tagger. */
export function relationsWith(text: string, parser: SentenceParser, context: Omit<RelationContext, 'parses'> = {}): string[] {
  const analyzed = analyze(text);
  const resolved = resolve('test', analyzed, findMentions(analyzed, getGazetteer(), 'rules'), getGazetteer());
  const relations = findRelations('test', analyzed, resolved, getGazetteer(), { ...context, parses: new LazyParses(analyzed, resolved, getGazetteer(), parser) });
  const name = (id: string): string => resolved.entities.find((e) => e.id === id)?.name ?? id;
  return relations.map((r) => `${r.type} ${name(r.source)} → ${name(r.target)}${r.properties.date ? ` @${r.properties.date}` : ''}`);
}

/** The relations of a one-sentence text read with a hand-written tree. */
export function relationsOfTree(text: string, words: string, context: Omit<RelationContext, 'parses'> = {}): string[] {
  const tree = handTree(text, words);
  return relationsWith(text, () => tree, context);
}
