import { entityColour, nodeSizeByDegree } from '../graph/appearance.js';
import { ISOLATED_COLOUR, type CorpusMap } from './corpus-map.js';
import type { KnowledgeGraph } from '../graph/build.js';
import { mentionCounts } from '../store/model.js';
import type { RelationProperties } from '../types.js';
import type { Position } from './layout.js';

/** What the page knows: only what it draws or shows in the details panel. */
export interface ViewData {
  documents: ViewDocument[];
  /** Entity types present, for the legend. */
  types: { type: string; colour: string; count: number }[];
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** A corpus map (many entities): its communities, largest first; absent for a small graph. */
  communities?: { size: number; colour: string; label: string }[];
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
  /** On a corpus map: its community (absent: no relations, hidden until asked for), and whether its name shows from the start. */
  community?: number;
  labelled?: boolean;
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

/** The page's data: a small graph coloured by type, or a corpus map coloured by community. */
export function viewData(graph: KnowledgeGraph, positions: Map<string, Position>, map?: CorpusMap): ViewData {
  const types = new Map<string, number>();
  const nodes = graph.mapNodes((key, entity): ViewNode => {
    types.set(entity.type, (types.get(entity.type) ?? 0) + 1);
    return {
      key,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      colour: map ? communityColour(map, key) : entityColour(entity.type),
      size: nodeSizeByDegree(graph.degree(key)),
      ...positions.get(key)!,
      mentions: [...mentionCounts(entity)].map(([document, count]) => ({ document, count })),
      ...(map && { community: map.communityOf.get(key), labelled: map.labelled.has(key) || undefined }),
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
    ...(map && { communities: map.communities.map(({ size, colour, label }) => ({ size, colour, label })) }),
  };
}

function communityColour(map: CorpusMap, key: string): string {
  const community = map.communityOf.get(key);
  return community === undefined ? ISOLATED_COLOUR : map.communities[community]!.colour;
}
