import Graph from 'graphology';
import { relationKey, type Entity, type GraphJson, type Relation } from '../types.js';

/** Node attributes are the entity, edge attributes the relation, the graph's own the documents. */
export type KnowledgeGraph = Graph.MultiDirectedGraph<Entity, Relation, { documents: GraphJson['documents'] }>;

/** The in-memory graph of an extraction: node key = entity id, edge key = `relationKey`. */
export function buildGraph(json: GraphJson): KnowledgeGraph {
  const graph: KnowledgeGraph = new Graph.MultiDirectedGraph();
  graph.setAttribute('documents', json.documents);
  for (const entity of json.entities) graph.addNode(entity.id, entity);
  for (const relation of json.relations) {
    graph.addDirectedEdgeWithKey(relationKey(relation), relation.source, relation.target, relation);
  }
  return graph;
}

/** Back from the graph to the JSON contract (nodes and edges in insertion order). */
export function graphToJson(graph: KnowledgeGraph): GraphJson {
  return {
    documents: graph.getAttribute('documents') ?? [],
    entities: graph.mapNodes((_key, attributes) => attributes),
    relations: graph.mapEdges((_key, attributes) => attributes),
  };
}
