/**
 * The graph as Cypher sees it: entity nodes, relation edges, plus virtual Document nodes and
 * MENTIONED_IN edges, with adjacency lists and label / `id` indexes so matches start small.
 */
import type { KnowledgeGraph } from '../graph/build.js';
import {
  DOCUMENT_LABEL,
  MENTIONED_IN,
  documentProperties,
  entityLabels,
  entityProperties,
  mentionCounts,
  relationProperties,
} from '../store/model.js';
import { NodeValue, RelationshipValue } from './values.js';

export interface GraphView {
  nodes: NodeValue[];
  relationships: RelationshipValue[];
  byLabel: Map<string, NodeValue[]>;
  /** By the `id` property (unique per label, as the Neo4j constraints say). */
  byId: Map<string, NodeValue[]>;
  /** Entities by `name`, as Neo4j's name indexes. */
  byName: Map<string, NodeValue[]>;
  byType: Map<string, RelationshipValue[]>;
}

const DOCUMENT_LABELS = [DOCUMENT_LABEL];

const views = new WeakMap<KnowledgeGraph, { version: number; view: GraphView }>();

/** The view of a graph, built once and reused while the graph keeps its size. */
export function graphView(graph: KnowledgeGraph): GraphView {
  const version = graph.order * 1_000_003 + graph.size;
  const cached = views.get(graph);
  if (cached && cached.version === version) return cached.view;
  const view = buildView(graph);
  views.set(graph, { version, view });
  return view;
}

function buildView(graph: KnowledgeGraph): GraphView {
  const view: GraphView = { nodes: [], relationships: [], byLabel: new Map(), byId: new Map(), byName: new Map(), byType: new Map() };
  const addNode = (id: string, node: NodeValue): NodeValue => {
    view.nodes.push(node);
    for (const label of node.labels) push(view.byLabel, label, node);
    push(view.byId, id, node);
    return node;
  };
  const addRelationship = (relationship: RelationshipValue): void => {
    view.relationships.push(relationship);
    relationship.start.outgoing.push(relationship);
    relationship.end.incoming.push(relationship);
    push(view.byType, relationship.type, relationship);
  };

  const entities = new Map<string, NodeValue>();
  // Entities of one type share one label list.
  const labels = new Map<string, readonly string[]>();
  graph.forEachNode((key, entity) => {
    let entityLabelList = labels.get(entity.type);
    if (!entityLabelList) labels.set(entity.type, (entityLabelList = entityLabels(entity)));
    const node = addNode(entity.id, new NodeValue(`entity:${key}`, entityLabelList, () => entityProperties(entity), view.nodes.length));
    push(view.byName, entity.name, node);
    entities.set(key, node);
  });
  const documents = new Map<string, NodeValue>();
  for (const document of graph.getAttribute('documents') ?? []) {
    documents.set(document.id, addNode(document.id, new NodeValue(`document:${document.id}`, DOCUMENT_LABELS, () => documentProperties(document), view.nodes.length)));
  }
  graph.forEachEdge((key, relation, source, target) => {
    addRelationship(new RelationshipValue(key, relation.type, entities.get(source)!, entities.get(target)!, () => relationProperties(relation)));
  });
  const counts = new Map<string, number>();
  graph.forEachNode((key, entity) => {
    const node = entities.get(key)!;
    for (const [documentId, count] of mentionCounts(entity, counts)) {
      // A document named only by mentions still gets a node, as the Neo4j loader makes one.
      let document = documents.get(documentId);
      if (!document) {
        document = addNode(documentId, new NodeValue(`document:${documentId}`, DOCUMENT_LABELS, documentProperties({ id: documentId }), view.nodes.length));
        documents.set(documentId, document);
      }
      addRelationship(new RelationshipValue(`${key}|${MENTIONED_IN}|${documentId}`, MENTIONED_IN, node, document, { count }));
    }
  });
  return view;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
