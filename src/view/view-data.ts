import { entityColour, nodeSizeByDegree } from '../export/appearance.js';
import type { KnowledgeGraph } from '../graph/build.js';
import { mentionCounts } from '../query/neo4j-model.js';
import type { RelationProperties } from '../types.js';
import type { Position } from './layout.js';

/** What the page knows: only what it draws or shows in the details panel. */
export interface ViewData {
  documents: ViewDocument[];
  /** Entity types present, for the legend. */
  types: { type: string; colour: string; count: number }[];
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export interface ViewDocument {
  id: string;
  title?: string;
  source: string;
}

export interface ViewNode {
  key: string;
  name: string;
  type: string;
  aliases: string[];
  colour: string;
  size: number;
  x: number;
  y: number;
  /** Mentions per document, in first-mention order. */
  mentions: { document: string; count: number }[];
}

export interface ViewEdge {
  key: string;
  source: string;
  target: string;
  type: string;
  properties: RelationProperties;
  confidence: number;
  evidence: { document: string; text: string }[];
}

export function viewData(graph: KnowledgeGraph, positions: Map<string, Position>): ViewData {
  const types = new Map<string, number>();
  const nodes = graph.mapNodes((key, entity): ViewNode => {
    types.set(entity.type, (types.get(entity.type) ?? 0) + 1);
    return {
      key,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      colour: entityColour(entity.type),
      size: nodeSizeByDegree(graph.degree(key)),
      ...positions.get(key)!,
      mentions: [...mentionCounts(entity)].map(([document, count]) => ({ document, count })),
    };
  });
  const edges = graph.mapEdges(
    (key, relation, source, target): ViewEdge => ({
      key,
      source,
      target,
      type: relation.type,
      properties: relation.properties,
      confidence: relation.confidence,
      evidence: relation.evidence.map(({ document, text }) => ({ document, text })),
    }),
  );
  const documents = (graph.getAttribute('documents') ?? []).map(({ id, title, source }) => ({ id, title, source }));
  return {
    documents,
    types: [...types].map(([type, count]) => ({ type, colour: entityColour(type), count })),
    nodes,
    edges,
  };
}
