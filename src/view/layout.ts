import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { KnowledgeGraph } from '../graph/build.js';

// A CommonJS package typed as an ES module: at run time the default import is the layout itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface Position {
  x: number;
  y: number;
}

/** Fewer ForceAtlas2 rounds on big graphs: each round costs about n log n there. */
function iterationsFor(order: number): number {
  if (order <= 500) return 500;
  if (order <= 2_000) return 200;
  return 100;
}

/**
 * Node positions, computed once in Node so the page opens settled: a circle first (the same
 * graph always gives the same picture), then ForceAtlas2 with settings inferred from the size.
 */
export function layoutPositions(graph: KnowledgeGraph): Map<string, Position> {
  const skeleton = new Graph.MultiDirectedGraph();
  graph.forEachNode((key) => skeleton.addNode(key));
  graph.forEachEdge((key, _attributes, source, target) => skeleton.addEdgeWithKey(key, source, target));
  circular.assign(skeleton, { scale: 100 });
  forceAtlas2.assign(skeleton, {
    iterations: iterationsFor(skeleton.order),
    settings: { ...forceAtlas2.inferSettings(skeleton), gravity: 1, barnesHutOptimize: skeleton.order > 500 },
  });
  return new Map(skeleton.mapNodes((key, attributes) => [key, { x: attributes.x as number, y: attributes.y as number }]));
}
