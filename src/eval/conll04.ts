import { UserError } from '../errors.js';
import type { AnnotatedDocument } from './conll2003.js';
import { joinTokens } from './detokenize.js';
import { labeledSpan, type LabeledSpan } from './spans.js';

/** A gold relation between two annotated spans of one sentence. */
export interface GoldSpanRelation {
  type: string;
  head: LabeledSpan;
  tail: LabeledSpan;
}

/** A sentence as a document, with its gold entities (PER/LOC/ORG; Other excluded) and relations. */
export interface RelationDocument extends AnnotatedDocument {
  relations: GoldSpanRelation[];
}

/** CoNLL04 entity types in the CoNLL-2003 names the NER scorer uses; absent ones are excluded. */
const ENTITY_TYPES: Readonly<Record<string, string>> = { Peop: 'PER', Loc: 'LOC', Org: 'ORG' };

interface Conll04Sentence {
  tokens: string[];
  entities: { type: string; start: number; end: number }[];
  relations: { type: string; head: number; tail: number }[];
}

/**
 * Read the CoNLL04 JSON form (a list of `{tokens, entities: [{type, start, end}] (token indices,
 * end exclusive), relations: [{type, head, tail}] (entity indices)}`): one document per sentence.
 */
export function parseConll04(content: string, name = 'conll04'): RelationDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new UserError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new UserError(`${name}: expected a JSON list of sentences`);
  return data.map((item, index) => {
    const where = `${name}[${index}]`;
    if (!isSentence(item)) {
      throw new UserError(`${where}: expected {tokens: [string], entities: [{type, start, end}], relations: [{type, head, tail}]}`);
    }
    return annotate(where, item);
  });
}

function annotate(id: string, sentence: Conll04Sentence): RelationDocument {
  const { text, offsets } = joinTokens([sentence.tokens]);
  const tokens = offsets[0]!;
  const spans = sentence.entities.map(({ type, start, end }, index) => {
    if (!(start >= 0 && start < end && end <= tokens.length)) {
      throw new UserError(`${id}: entity ${index} has token range [${start}, ${end}) outside the sentence`);
    }
    return labeledSpan(text, { start: tokens[start]!.start, end: tokens[end - 1]!.end }, ENTITY_TYPES[type] ?? type);
  });
  const relations = sentence.relations.map(({ type, head, tail }, index) => {
    const [headSpan, tailSpan] = [spans[head], spans[tail]];
    if (!headSpan || !tailSpan) throw new UserError(`${id}: relation ${index} names an entity that does not exist`);
    return { type, head: headSpan, tail: tailSpan };
  });
  const scored = new Set(Object.values(ENTITY_TYPES));
  return {
    id,
    text,
    gold: spans.filter((span) => scored.has(span.type)),
    excluded: spans.filter((span) => !scored.has(span.type)),
    relations,
  };
}

function isSentence(item: unknown): item is Conll04Sentence {
  const sentence = item as Partial<Conll04Sentence> | null;
  return (
    typeof sentence === 'object' &&
    sentence !== null &&
    Array.isArray(sentence.tokens) &&
    sentence.tokens.every((token) => typeof token === 'string') &&
    Array.isArray(sentence.entities) &&
    sentence.entities.every((e) => typeof e?.type === 'string' && Number.isInteger(e.start) && Number.isInteger(e.end)) &&
    Array.isArray(sentence.relations) &&
    sentence.relations.every((r) => typeof r?.type === 'string' && Number.isInteger(r.head) && Number.isInteger(r.tail))
  );
}
