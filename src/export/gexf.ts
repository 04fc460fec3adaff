import Graph from 'graphology';
import { write } from 'graphology-gexf';
import type { KnowledgeGraph } from '../graph/build.js';
import { entityColour, nodeSizeByDegree } from '../graph/appearance.js';
import { cleanXmlText, entityXmlAttributes, relationXmlAttributes, XmlIds } from './xml-values.js';

/**
 * The graph as GEXF 1.3, Gephi's own format: the name as label, one colour per entity type, size
 * by degree; attributes as in GraphML (arrays and objects as JSON, text cleaned by `cleanXmlText`).
 */
export function writeGexf(graph: KnowledgeGraph): string {
  // graphology-gexf writes keys as ids, so it gets a copy whose keys and values are XML-clean.
  const clean = new Graph.MultiDirectedGraph();
  clean.setAttribute('creator', 'kg-extract');
  const nodeIds = new XmlIds('n');
  graph.forEachNode((key, entity) => {
    clean.addNode(nodeIds.take(key), {
      label: cleanXmlText(entity.name),
      viz: { color: rgbColour(entityColour(entity.type)), size: nodeSizeByDegree(graph.degree(key)) },
      attributes: Object.fromEntries(entityXmlAttributes(entity)),
    });
  });
  const edgeIds = new XmlIds('e');
  graph.forEachEdge((key, relation, source, target) => {
    clean.addEdgeWithKey(edgeIds.take(key), nodeIds.idOf(source), nodeIds.idOf(target), {
      label: relation.type,
      // Gephi keeps parallel edges apart only when their kinds differ.
      kind: relation.type,
      attributes: Object.fromEntries(relationXmlAttributes(relation)),
    });
  });
  return write(clean, {
    version: '1.3',
    formatNode: (_key, attributes) => attributes,
    formatEdge: (_key, attributes) => attributes,
  });
}

/**
 * `#e6194b` as `rgb(230, 25, 75)`, so the writer puts r, g and b attributes on viz:color: GEXF 1.3
 * also allows `hex`, but readers such as networkx (3.6) read only r, g and b.
 */
function rgbColour(hex: string): string {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${channels.join(', ')})`;
}
