import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { KnowledgeGraph } from '../graph/build.js';
import {
  entityXmlAttributes,
  relationXmlAttributes,
  xmlAttributes,
  XmlIds,
  type XmlAttributes,
  type XmlScalar,
} from './xml-values.js';

type GraphmlDomain = 'graph' | 'node' | 'edge';
type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';

interface GraphmlKey {
  id: string;
  domain: GraphmlDomain;
  name: string;
  type: GraphmlType;
}

const INT32 = 2 ** 31;

/**
 * The graph as GraphML 1.0 that Gephi, yEd, Cytoscape, networkx and Neo4j's `apoc.import.graphml`
 * read: a typed `<key>` for every attribute, declared before `<graph>`; nodes carry `labels`
 * (`:Entity:Person`, Neo4j's form), `type` and `label` (the name, Gephi's caption); edges carry
 * `label` = `type` = the relation type. Arrays and objects are JSON strings; text is cleaned by
 * `cleanXmlText` (characters XML 1.0 forbids removed, line ends `\n`).
 */
export function writeGraphml(graph: KnowledgeGraph): string {
  const nodeIds = new XmlIds('n');
  const nodes = graph.mapNodes((key, entity) => ({
    id: nodeIds.take(key),
    attributes: entityXmlAttributes(entity, { label: entity.name }),
  }));
  const edgeIds = new XmlIds('e');
  const edges = graph.mapEdges((key, relation, source, target) => ({
    id: edgeIds.take(key),
    source: nodeIds.idOf(source),
    target: nodeIds.idOf(target),
    attributes: relationXmlAttributes(relation, { label: relation.type }),
  }));
  const graphAttributes = xmlAttributes({ documents: graph.getAttribute('documents') ?? [] });

  const keys = [
    ...declareKeys('graph', [graphAttributes]),
    ...declareKeys('node', nodes.map((node) => node.attributes)),
    ...declareKeys('edge', edges.map((edge) => edge.attributes)),
  ];
  const keyIds = new Map(keys.map((key) => [`${key.domain}:${key.name}`, key.id]));
  const addData = (element: XMLBuilder, domain: GraphmlDomain, attributes: XmlAttributes): void => {
    for (const [name, value] of attributes) element.ele('data', { key: keyIds.get(`${domain}:${name}`)! }).txt(String(value));
  };

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://graphml.graphdrawing.org/xmlns', 'graphml');
  for (const key of keys) root.ele('key', { id: key.id, for: key.domain, 'attr.name': key.name, 'attr.type': key.type });
  const graphElement = root.ele('graph', { id: 'G', edgedefault: 'directed' });
  addData(graphElement, 'graph', graphAttributes);
  for (const node of nodes) addData(graphElement.ele('node', { id: node.id }), 'node', node.attributes);
  for (const edge of edges) {
    addData(graphElement.ele('edge', { id: edge.id, source: edge.source, target: edge.target }), 'edge', edge.attributes);
  }
  return root.end({ prettyPrint: true });
}

/** One key per attribute name, typed by every value it takes (mixed types fall back to string). */
function declareKeys(domain: GraphmlDomain, records: XmlAttributes[]): GraphmlKey[] {
  const values = new Map<string, XmlScalar[]>();
  for (const record of records) {
    for (const [name, value] of record) {
      const list = values.get(name);
      if (list) list.push(value);
      else values.set(name, [value]);
    }
  }
  return [...values].map(([name, list], index) => ({ id: `${domain[0]}${index}`, domain, name, type: graphmlType(list) }));
}

function graphmlType(values: XmlScalar[]): GraphmlType {
  if (values.every((value) => typeof value === 'boolean')) return 'boolean';
  if (!values.every((value) => typeof value === 'number' && Number.isFinite(value))) return 'string';
  const numbers = values as number[];
  if (!numbers.every(Number.isSafeInteger)) return 'double';
  return numbers.every((value) => value >= -INT32 && value < INT32) ? 'int' : 'long';
}
