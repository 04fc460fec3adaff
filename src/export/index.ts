import { graphToJson, type KnowledgeGraph } from '../graph/build.js';
import { writeCypherScript } from './cypher-script.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';

export { cypherLiteral, cypherName, cypherString } from './cypher-literal.js';
export { writeCypherScript, type CypherScriptOptions } from './cypher-script.js';
export { ENTITY_COLOURS, entityColour, nodeSizeByDegree } from '../graph/appearance.js';
export { writeGexf } from './gexf.js';
export { writeGraphml } from './graphml.js';
export { cleanXmlText } from './xml-values.js';

/** What `kg export --format` writes, each as one string. */
export const EXPORT_FORMATS = {
  graphml: writeGraphml,
  gexf: writeGexf,
  cypher: writeCypherScript,
  json: (graph: KnowledgeGraph) => `${JSON.stringify(graphToJson(graph), null, 2)}\n`,
} satisfies Record<string, (graph: KnowledgeGraph) => string | Promise<string>>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export async function exportGraph(graph: KnowledgeGraph, format: ExportFormat): Promise<string> {
  return EXPORT_FORMATS[format](graph);
}
