/**
 * The map of a corpus graph (thousands of entities): Louvain communities over the relations, each
 * community laid out on its own (ForceAtlas2) and the communities packed apart on a sunflower
 * spiral, largest in the middle; entities without relations set aside on an outer ring, hidden
 * by the page until asked for. Computed once in Node, the same graph giving the same map.
 */
import Graph from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { circular } from 'graphology-layout';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { KnowledgeGraph } from '../graph/build.js';
import type { Position } from './layout.js';

// CommonJS packages typed as ES modules: at run time the default import is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** Distinct hues for the largest communities; the rest share a muted grey-blue. */
export const COMMUNITY_COLOURS = [
  '#e6194b', '#4363d8', '#3cb44b', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000',
  '#000075', '#800000', '#c9a400', '#dcbeff', '#aaffc3', '#fabed4', '#a9a9a9', '#ffd8b1',
] as const;
export const SMALL_COMMUNITY_COLOUR = '#8da0b6';
export const ISOLATED_COLOUR = '#c8c8c8';

export interface Community {
  id: number;
  size: number;
  colour: string;
  /** Its most connected entity's name, to name it in the legend. */
  label: string;
}

export interface CorpusMap {
  positions: Map<string, Position>;
  /** Community id per connected entity; absent for entities without relations. */
  communityOf: Map<string, number>;
  /** Largest first. */
  communities: Community[];
  /** Entities whose name the map shows from the start: the most connected ones. */
  labelled: Set<string>;
}

/** At most this many entities carry a label on the opening map. */
const LABELLED = 30;

export function corpusMap(graph: KnowledgeGraph): CorpusMap {
  // Louvain on the undirected relation graph, parallel relations adding weight.
  const simple = new Graph.UndirectedGraph<{ x?: number; y?: number }, { weight: number }>();
  graph.forEachEdge((_key, _relation, source, target) => {
    if (source === target) return;
    simple.mergeNode(source);
    simple.mergeNode(target);
    const existing = simple.edge(source, target);
    if (existing) simple.updateEdgeAttribute(existing, 'weight', (weight) => (weight ?? 0) + 1);
    else simple.addEdge(source, target, { weight: 1 });
  });
  const assignment = simple.order > 0 ? louvain(simple, { getEdgeWeight: 'weight', rng: seededRandom(1) }) : {};

  const members = new Map<number, string[]>();
  for (const [node, community] of Object.entries(assignment)) {
    const list = members.get(community);
    if (list) list.push(node);
    else members.set(community, [node]);
  }
  const degree = (node: string) => graph.degree(node);
  const groups = [...members.values()]
    .map((nodes) => nodes.sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1)))
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));

  const positions = new Map<string, Position>();
  const communityOf = new Map<string, number>();
  const communities: Community[] = [];
  const discs: Array<{ nodes: string[]; local: Map<string, Position>; radius: number }> = groups.map((nodes) => layoutCommunity(simple, nodes));
  const centres = packDiscs(discs.map((disc) => disc.radius));
  discs.forEach((disc, id) => {
    const centre = centres[id]!;
    for (const node of disc.nodes) {
      const local = disc.local.get(node)!;
      positions.set(node, { x: centre.x + local.x, y: centre.y + local.y });
      communityOf.set(node, id);
    }
    communities.push({
      id,
      size: disc.nodes.length,
      colour: disc.nodes.length >= 3 && id < COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[id]! : SMALL_COMMUNITY_COLOUR,
      label: graph.getNodeAttribute(disc.nodes[0]!, 'name'),
    });
  });

  // Entities without relations: a ring of rows around the map, out of the way.
  const isolated = graph.filterNodes((node) => !communityOf.has(node));
  const outer = Math.max(1, ...centres.map((centre, i) => Math.hypot(centre.x, centre.y) + discs[i]!.radius));
  isolated.forEach((node, i) => {
    positions.set(node, sunflower(i, outer * 1.1, 5));
  });

  // The most connected entities, each far enough from those named before that names do not pile up.
  const spacing = outer / 10;
  const labelled = new Set<string>();
  for (const node of graph.filterNodes((key) => communityOf.has(key)).sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1))) {
    if (labelled.size === LABELLED) break;
    const { x, y } = positions.get(node)!;
    if ([...labelled].some((other) => Math.hypot(positions.get(other)!.x - x, positions.get(other)!.y - y) < spacing)) continue;
    labelled.add(node);
  }
  return { positions, communityOf, communities, labelled };
}

/** One community on its own: a circle, then ForceAtlas2, scaled into a disc whose area grows with its size. */
function layoutCommunity(simple: Graph.UndirectedGraph<{ x?: number; y?: number }, { weight: number }>, nodes: string[]): { nodes: string[]; local: Map<string, Position>; radius: number } {
  const radius = 4 * Math.sqrt(nodes.length);
  const local = new Map<string, Position>();
  if (nodes.length <= 2) {
    nodes.forEach((node, i) => local.set(node, { x: nodes.length === 1 ? 0 : (i === 0 ? -1 : 1) * radius * 0.5, y: 0 }));
    return { nodes, local, radius };
  }
  const sub = new Graph.UndirectedGraph<{ x: number; y: number }>();
  for (const node of nodes) sub.addNode(node, { x: 0, y: 0 });
  for (const node of nodes) {
    simple.forEachNeighbor(node, (neighbour) => {
      if (sub.hasNode(neighbour) && !sub.hasEdge(node, neighbour)) sub.addEdge(node, neighbour);
    });
  }
  circular.assign(sub, { scale: 100 });
  forceAtlas2.assign(sub, {
    iterations: nodes.length > 1_000 ? 60 : nodes.length > 100 ? 150 : 300,
    settings: { ...forceAtlas2.inferSettings(sub), gravity: 1, barnesHutOptimize: nodes.length > 500 },
  });
  // Centre, then scale so the farthest node sits on the disc's edge.
  let cx = 0;
  let cy = 0;
  sub.forEachNode((_node, { x, y }) => {
    cx += x / nodes.length;
    cy += y / nodes.length;
  });
  let far = 0;
  sub.forEachNode((_node, { x, y }) => {
    far = Math.max(far, Math.hypot(x - cx, y - cy));
  });
  const scale = far > 0 ? radius / far : 1;
  sub.forEachNode((node, { x, y }) => local.set(node, { x: (x - cx) * scale, y: (y - cy) * scale }));
  return { nodes, local, radius };
}

/**
 * Centres for discs (largest first), none overlapping: each goes to the first point along a
 * sunflower spiral where it clears every disc placed before (a grid of cells keeps the test short).
 */
function packDiscs(radii: number[]): Position[] {
  const gap = 6;
  const cell = 2 * (radii[0] ?? 1) + gap;
  const grid = new Map<string, number[]>();
  const centres: Position[] = [];
  let step = 0;
  radii.forEach((radius, index) => {
    for (;; step++) {
      const candidate = sunflower(step, 0, radii[Math.min(index, radii.length - 1)]! + gap / 2);
      const cx = Math.floor(candidate.x / cell);
      const cy = Math.floor(candidate.y / cell);
      let clear = true;
      for (let dx = -1; dx <= 1 && clear; dx++) {
        for (let dy = -1; dy <= 1 && clear; dy++) {
          for (const other of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            const centre = centres[other]!;
            if (Math.hypot(centre.x - candidate.x, centre.y - candidate.y) < radius + radii[other]! + gap) {
              clear = false;
              break;
            }
          }
        }
      }
      if (!clear) continue;
      centres.push(candidate);
      // A cell is as wide as the largest disc: two discs that touch have their centres in neighbouring cells.
      const key = `${cx},${cy}`;
      grid.set(key, [...(grid.get(key) ?? []), index]);
      return;
    }
  });
  return centres;
}

/** The i-th point of a sunflower (golden-angle) spiral: even coverage of a disc, `spacing` apart. */
function sunflower(i: number, inner: number, spacing: number): Position {
  const angle = i * Math.PI * (3 - Math.sqrt(5));
  const radius = Math.sqrt(inner * inner + i * spacing * spacing * 1.2);
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** mulberry32: Louvain visits nodes in random order; a seed keeps the map the same run after run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
