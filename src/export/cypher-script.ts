import { graphToJson, type KnowledgeGraph } from '../graph/build.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_PER_RELATION, planLoad, readSchema } from '../store/model.js';
import { cypherLiteral } from './cypher-literal.js';

export interface CypherScriptOptions {
  /** Rows per `UNWIND` statement. */
  batchSize?: number;
  /** Evidence sentences kept per relation, as `kg load` keeps them. */
  evidencePerRelation?: number;
}

/**
 * A script `cypher-shell -f FILE` runs: the schema (`cypher/schema.cypher`), then the statements of
 * `kg load`'s plan, with each batch of rows written as a literal list of maps instead of `$rows`.
 * Running it twice leaves the same graph (everything MERGEs). Labels and relationship types come
 * from our vocabulary only; an entity or relation type outside it is refused.
 */
export async function writeCypherScript(graph: KnowledgeGraph, options: CypherScriptOptions = {}): Promise<string> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const evidenceCap = Math.max(0, options.evidencePerRelation ?? DEFAULT_EVIDENCE_PER_RELATION);
  const statements = (await readSchema()).map((statement) => `${statement};`);
  for (const step of planLoad(graphToJson(graph))) {
    for (let offset = 0; offset < step.rows.length; offset += batchSize) {
      const rows = step.rows.slice(offset, offset + batchSize);
      statements.push(`// ${step.what}${step.rows.length > batchSize ? `, rows ${offset + 1}-${offset + rows.length}` : ''}`);
      statements.push(`${bindParameters(step.statement.trim(), { rows, evidenceCap })};`);
    }
  }
  return `// kg-extract graph: run with cypher-shell -f FILE (idempotent).\n${statements.join('\n')}\n`;
}

/** Put literals where a statement has `$name` parameters; a list of rows gets one row a line. */
function bindParameters(statement: string, parameters: Record<string, unknown>): string {
  return statement.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
    if (!(name in parameters)) throw new Error(`no value for parameter $${name}`);
    const value = parameters[name];
    return Array.isArray(value) ? `[\n  ${value.map(cypherLiteral).join(',\n  ')}\n]` : cypherLiteral(value);
  });
}
