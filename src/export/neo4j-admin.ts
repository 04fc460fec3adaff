import { stringify } from 'csv-stringify/sync';
import { graphToJson, type KnowledgeGraph } from '../graph/build.js';
import { DEFAULT_EVIDENCE_PER_RELATION, DOCUMENT_FIELDS, DOCUMENT_LABEL, DOCUMENT_STEP, ENTITY_LABEL, MENTIONED_IN, planLoad } from '../store/model.js';

/**
 * Arrays (aliases, evidence sentences) are one CSV cell with this between items: the ASCII unit
 * separator, a control character made for the job. Text is never expected to hold one, and a value
 * that does has it replaced by a space, so no item is ever split in two.
 */
export const ARRAY_DELIMITER = '\u001f';
const ARRAY_DELIMITER_OPTION = 'U+001F';

export interface Neo4jAdminExport {
  /** File name → CSV text (header line first). */
  files: Map<string, string>;
  /** The `neo4j-admin database import full` arguments, file names relative to the export folder. */
  arguments: string[];
}

/**
 * The graph as CSV files for `neo4j-admin database import full`, holding what `kg load` stores on
 * a first load of the same graph: the same nodes, labels, properties (typed: `count:long`,
 * `confidence:double`, arrays as `string[]`, labels too split by the array delimiter) and at most `evidencePerRelation` evidence pairs per
 * relationship. Built from `kg load`'s own plan, so the two cannot drift apart. Entities and
 * documents are separate id spaces.
 */
export function writeNeo4jAdminImport(graph: KnowledgeGraph, evidencePerRelation = DEFAULT_EVIDENCE_PER_RELATION): Neo4jAdminExport {
  const files = new Map<string, string>();
  const nodes: string[] = [];
  const relationships: string[] = [];
  const add = (name: string, header: string[], rows: unknown[][], list: string[]): void => {
    files.set(name, stringify([header, ...rows], { cast: { number: String } }));
    list.push(name);
  };
  const evidence = (values: unknown): string => (values as string[]).slice(0, evidencePerRelation).map(arrayItem).join(ARRAY_DELIMITER);
  const steps = planLoad(graphToJson(graph));
  for (const [index, step] of steps.entries()) {
    const name = `${String(index + 1).padStart(2, '0')}-${step.what.replace(/\W+/g, '-').toLowerCase()}.csv`;
    const rows = step.rows as Record<string, unknown>[];
    if (step.what === DOCUMENT_STEP) {
      add(name, [`id:ID(${DOCUMENT_LABEL})`, ...DOCUMENT_FIELDS, ':LABEL'], rows.map((row) => [row.id, ...DOCUMENT_FIELDS.map((key) => (row.props as Record<string, string>)[key] ?? ''), DOCUMENT_LABEL]), nodes);
    } else if (step.creates === 'nodes') {
      add(name, [`id:ID(${ENTITY_LABEL})`, 'type', 'name', 'aliases:string[]', ':LABEL'], rows.map((row) => [row.id, row.type, row.name, (row.aliases as string[]).map(arrayItem).join(ARRAY_DELIMITER), `${ENTITY_LABEL}${ARRAY_DELIMITER}${row.type}`]), nodes);
    } else if (step.what === MENTIONED_IN) {
      add(name, [`:START_ID(${ENTITY_LABEL})`, `:END_ID(${DOCUMENT_LABEL})`, 'count:long', ':TYPE'], rows.map((row) => [row.entity, row.document, row.count, MENTIONED_IN]), relationships);
    } else {
      const keys = Object.keys(rows[0]!).filter((key) => !['source', 'target', 'confidence', 'evidence', 'evidenceDocuments'].includes(key));
      add(
        name,
        [`:START_ID(${ENTITY_LABEL})`, `:END_ID(${ENTITY_LABEL})`, ':TYPE', ...keys, 'confidence:double', 'evidence:string[]', 'evidenceDocuments:string[]'],
        rows.map((row) => [row.source, row.target, step.what, ...keys.map((key) => row[key]), row.confidence ?? '', evidence(row.evidence), evidence(row.evidenceDocuments)]),
        relationships,
      );
    }
  }
  return {
    files,
    arguments: [
      'database',
      'import',
      'full',
      'neo4j',
      '--overwrite-destination=true',
      `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
      // Evidence sentences of hard-wrapped copy keep their line breaks.
      '--multiline-fields=true',
      ...nodes.map((file) => `--nodes=${file}`),
      ...relationships.map((file) => `--relationships=${file}`),
    ],
  };
}

const arrayItem = (value: string): string => value.replaceAll(ARRAY_DELIMITER, ' ');
