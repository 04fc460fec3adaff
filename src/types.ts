/**
 * The plain data that flows through the pipeline. Every stage takes and returns these records;
 * nothing here knows about compromise, graphology or Neo4j.
 */

/** One input document, as ingest produced it. `text` is the original, untouched text. */
export interface SourceDocument {
  id: string;
  text: string;
  /** Where it came from: a file path, `stdin`, or `file.jsonl:LINE`. */
  source: string;
  title?: string;
  date?: string;
  url?: string;
}

/** A sentence of a document; offsets index the original document text (`end` exclusive). */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

export const ENTITY_TYPES = ['Person', 'Country', 'Place', 'Organization', 'Treaty', 'Event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** One occurrence of a name in a sentence. */
export interface Mention {
  text: string;
  type: EntityType;
  start: number;
  end: number;
  /** Index of the sentence it stands in. */
  sentence: number;
  /** Canonical name when a gazetteer knows it ("U.S." → "United States"). */
  canonical?: string;
  /** A title read in front of a person ("Chinese President Hu Jintao"). */
  title?: MentionTitle;
  /**
   * A role phrase standing for people named elsewhere, not a name: "the Russian leader" (of:
   * "Russia"), "the two leaders" (count: 2). Used by resolution and relations, never a node alias.
   */
  role?: { of?: string; count?: number };
}

export interface MentionTitle {
  /** "President", "Secretary of State". */
  name: string;
  /** What holding the title says about the person and `of`. */
  relation: 'LEADER_OF' | 'WORKS_FOR' | null;
  /** The country or organization the title belongs to, as an index into the mention list. */
  of?: number;
}

/** Where a name occurs: the public `mentions[]` item of the JSON contract. */
export interface MentionRef {
  document: string;
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  /** Stable readable id: `person:vladimir-putin`, `country:united-states`. */
  id: string;
  type: EntityType;
  /** Fullest form seen. */
  name: string;
  /** Every other surface form. */
  aliases: string[];
  mentions: MentionRef[];
}

/** The sentence that proves a relation. */
export type Evidence = MentionRef;

export const RELATION_TYPES = [
  'MET_WITH',
  'MET_AT',
  'PLANS_SUMMIT',
  'INVITED',
  'SIGNED',
  'WITHDRAWS_FROM',
  'LEADER_OF',
  'LOCATED_IN',
  'HELD_IN',
  'ATTENDED',
  'VISITED',
  'WORKS_FOR',
  'BASED_IN',
  'LIVES_IN',
  'KILLED',
  'NEGOTIATES_WITH',
  'SUPPORTS',
  'OPPOSES',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations stored once, from the first-named party. */
/** One relation per (type, source, target), so merged evidence lands on one; the graph's edge key too. */
export function relationKey(relation: Pick<Relation, 'type' | 'source' | 'target'>): string {
  return `${relation.source}|${relation.type}|${relation.target}`;
}

export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set<RelationType>([
  'MET_WITH',
  'PLANS_SUMMIT',
  'NEGOTIATES_WITH',
]);

/**
 * What a relation may say besides its ends: where, when, in which office, done or intended. `date`
 * is ISO 8601 when it could be normalised ("1986-10"), and `dateText` then keeps the words it was
 * read from ("last October").
 */
export const RELATION_PROPERTY_KEYS = ['place', 'date', 'dateText', 'title', 'status'] as const;
export type RelationPropertyKey = (typeof RELATION_PROPERTY_KEYS)[number];
export type RelationProperties = Partial<Record<RelationPropertyKey, string>>;

export interface Relation {
  type: RelationType;
  /** Entity ids. */
  source: string;
  target: string;
  properties: RelationProperties;
  /** 0..1: how sure the rule that produced it is. */
  confidence: number;
  evidence: Evidence[];
}

/** What the pipeline produced for one document, before cross-document merging. */
export interface DocumentExtraction {
  document: DocumentInfo;
  entities: Entity[];
  relations: Relation[];
}

export interface DocumentInfo {
  id: string;
  source: string;
  title?: string;
  date?: string;
  url?: string;
}

/** The public JSON contract of `kg extract --format json`. */
export interface GraphJson {
  documents: DocumentInfo[];
  entities: Entity[];
  relations: Relation[];
}
