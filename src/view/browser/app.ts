/**
 * The page script of `kg view` (bundled with sigma and graphology into the HTML file): draws the
 * precomputed layout, the legend, the search box and the details panel.
 */
import { DEFAULT_EDGE_CURVATURE, EdgeCurvedArrowProgram, indexParallelEdgesIndex } from '@sigma/edge-curve';
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram } from 'sigma/rendering';
import type { ViewData, ViewEdge, ViewNode } from '../view-data.js';

/** Above this many edges, edge labels show only when zoomed in and edges hide while moving. */
const BIG_GRAPH_EDGES = 2_000;
/** Up to this many nodes every node label is shown; above it, only big enough ones. */
const ALL_LABELS_NODES = 200;
const EDGE_COLOUR = '#b8b8b8';
const DIMMED_COLOUR = '#e4e4e4';

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  data: ViewNode;
}

interface EdgeAttributes {
  size: number;
  color: string;
  label: string;
  type: string;
  curvature?: number;
  parallelIndex?: number | null;
  parallelMaxIndex?: number | null;
  data: ViewEdge;
}

type ViewGraph = Graph.MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

declare global {
  interface Window {
    /** For tests and the curious: the renderer, the graph, and what the search box and a click do. */
    kgView: {
      sigma: Sigma;
      graph: ViewGraph;
      search(query: string): Promise<string | null>;
      select(key: string | null): void;
    };
  }
}

const data = JSON.parse(document.getElementById('kg-data')!.textContent!) as ViewData;
const documentTitles = new Map(data.documents.map((document) => [document.id, document.title ?? document.source]));

const graph: ViewGraph = new Graph.MultiDirectedGraph();
for (const node of data.nodes) {
  graph.addNode(node.key, { x: node.x, y: node.y, size: node.size, color: node.colour, label: node.name, data: node });
}
for (const edge of data.edges) {
  graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, {
    size: Math.min(4, 1 + Math.log2(Math.max(1, edge.evidence.length))),
    color: EDGE_COLOUR,
    label: edge.type,
    type: 'straight',
    data: edge,
  });
}
bendParallelEdges(graph);

const big = graph.size > BIG_GRAPH_EDGES;
const allLabels = graph.order <= ALL_LABELS_NODES;
let selected: { kind: 'node' | 'edge'; key: string } | null = null;

const sigma = new Sigma(graph, document.getElementById('graph')!, {
  enableEdgeEvents: true,
  renderEdgeLabels: !big,
  hideEdgesOnMove: big,
  hideLabelsOnMove: big,
  labelRenderedSizeThreshold: allLabels ? 0 : 6,
  defaultEdgeType: 'straight',
  edgeProgramClasses: { straight: EdgeArrowProgram, curved: EdgeCurvedArrowProgram },
  edgeLabelSize: 11,
  zIndex: true,
  nodeReducer: (node, attributes) => {
    if (!selected) return { ...attributes, forceLabel: allLabels };
    if (selected.kind === 'node' && (node === selected.key || graph.areNeighbors(node, selected.key))) {
      return { ...attributes, highlighted: node === selected.key, forceLabel: true, zIndex: 1 };
    }
    if (selected.kind === 'edge' && graph.hasExtremity(selected.key, node)) return { ...attributes, highlighted: true, forceLabel: true, zIndex: 1 };
    return { ...attributes, color: DIMMED_COLOUR, label: '', zIndex: 0 };
  },
  edgeReducer: (edge, attributes) => {
    if (!selected) return attributes;
    const lit = selected.kind === 'edge' ? edge === selected.key : graph.hasExtremity(edge, selected.key);
    return lit
      ? { ...attributes, color: '#444444', size: attributes.size + (edge === selected.key ? 2 : 0), forceLabel: true, zIndex: 1 }
      : { ...attributes, color: DIMMED_COLOUR, label: '', zIndex: 0 };
  },
});

if (big) {
  // Labels for thousands of edges at once would stall every frame: only when zoomed in.
  // Changing a setting re-indexes the whole graph, so only when crossing the threshold.
  sigma.getCamera().on('updated', (state) => {
    const zoomedIn = state.ratio < 0.2;
    if (sigma.getSetting('renderEdgeLabels') !== zoomedIn) sigma.setSetting('renderEdgeLabels', zoomedIn);
  });
}

// A second click soon after the first is a double click to sigma (which also zooms): it selects too.
sigma.on('clickNode', ({ node }) => select(node));
sigma.on('doubleClickNode', ({ node }) => select(node));
sigma.on('clickEdge', ({ edge }) => select(edge));
sigma.on('doubleClickEdge', ({ edge }) => select(edge));
sigma.on('clickStage', () => select(null));

function select(key: string | null): void {
  if (key === null) selected = null;
  else if (graph.hasNode(key)) selected = { kind: 'node', key };
  else if (graph.hasEdge(key)) selected = { kind: 'edge', key };
  else throw new Error(`no node or edge ${key}`);
  showDetails();
  sigma.refresh({ skipIndexation: true });
}

/** Find an entity by name or alias (exact first, then by prefix, then anywhere), select it and centre the camera on it. */
async function search(query: string): Promise<string | null> {
  const wanted = query.trim().toLowerCase();
  const status = document.getElementById('search-status')!;
  if (!wanted) return null;
  const names = (node: ViewNode) => [node.name, ...node.aliases].map((name) => name.toLowerCase());
  const tests = [
    (name: string) => name === wanted,
    (name: string) => name.startsWith(wanted),
    (name: string) => name.includes(wanted),
  ];
  for (const test of tests) {
    const matches = data.nodes.filter((node) => names(node).some(test));
    if (matches.length === 0) continue;
    const best = matches.reduce((a, b) => (graph.degree(b.key) > graph.degree(a.key) ? b : a));
    status.textContent = matches.length > 1 ? `${matches.length} matches; showing the most connected` : '';
    select(best.key);
    const position = sigma.getNodeDisplayData(best.key)!;
    const camera = sigma.getCamera();
    await camera.animate({ x: position.x, y: position.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
    return best.key;
  }
  status.textContent = `no entity called “${query.trim()}”`;
  return null;
}

/** Parallel edges (MET_WITH and PLANS_SUMMIT between the same two people) bend apart instead of overlapping. */
function bendParallelEdges(target: ViewGraph): void {
  indexParallelEdgesIndex(target, { edgeIndexAttribute: 'parallelIndex', edgeMaxIndexAttribute: 'parallelMaxIndex' });
  target.forEachEdge((edge, { parallelIndex, parallelMaxIndex }) => {
    // The middle one of an odd bunch stays straight (a curve of curvature 0 does not draw).
    if (typeof parallelIndex !== 'number' || typeof parallelMaxIndex !== 'number' || parallelIndex === 0) return;
    const spread = 3.5 * (1 - Math.exp(-parallelMaxIndex / 3.5)) * DEFAULT_EDGE_CURVATURE;
    target.mergeEdgeAttributes(edge, { type: 'curved', curvature: (spread * parallelIndex) / parallelMaxIndex });
  });
}

// ---- the details panel: built with text nodes only, so no name can inject markup ----

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className) created.className = className;
  return created;
}

function swatch(colour: string): HTMLElement {
  const mark = element('span', undefined, 'swatch');
  mark.style.background = colour;
  return mark;
}

function evidenceList(edge: ViewEdge): HTMLElement {
  const list = element('ul', undefined, 'evidence');
  for (const evidence of edge.evidence) {
    const item = element('li');
    item.append(element('q', evidence.text), element('cite', documentTitles.get(evidence.document) ?? evidence.document));
    list.append(item);
  }
  return list;
}

function propertiesLine(edge: ViewEdge): string {
  const parts = Object.entries(edge.properties).map(([name, value]) => `${name}: ${value}`);
  parts.push(`confidence: ${edge.confidence}`);
  return parts.join(' · ');
}

function showDetails(): void {
  const panel = document.getElementById('details')!;
  panel.replaceChildren();
  panel.hidden = !selected;
  if (!selected) return;
  if (selected.kind === 'edge') {
    const edge = graph.getEdgeAttribute(selected.key, 'data');
    const source = graph.getNodeAttribute(edge.source, 'data');
    const target = graph.getNodeAttribute(edge.target, 'data');
    panel.append(element('h2', `${source.name} → ${target.name}`), element('p', edge.type, 'relation-type'), element('p', propertiesLine(edge)));
    for (const end of [source, target]) panel.append(entitySummary(end));
    panel.append(element('h3', 'Evidence'), evidenceList(edge));
    return;
  }
  const node = graph.getNodeAttribute(selected.key, 'data');
  panel.append(element('h2', node.name), entitySummary(node));
  if (node.mentions.length) {
    const list = element('ul', undefined, 'documents');
    for (const mention of node.mentions) {
      list.append(element('li', `${documentTitles.get(mention.document) ?? mention.document} (${mention.count}×)`));
    }
    panel.append(element('h3', 'Mentioned in'), list);
  }
  const edges = graph.edges(selected.key);
  if (edges.length) panel.append(element('h3', `Relations (${edges.length})`));
  for (const key of edges) {
    const edge = graph.getEdgeAttribute(key, 'data');
    const outgoing = edge.source === node.key;
    const other = graph.getNodeAttribute(outgoing ? edge.target : edge.source, 'data');
    const heading = element('h4', `${edge.type} ${outgoing ? '→' : '←'} ${other.name}`);
    panel.append(heading, element('p', propertiesLine(edge), 'properties'), evidenceList(edge));
  }
}

function entitySummary(node: ViewNode): HTMLElement {
  const summary = element('div', undefined, 'entity');
  const type = element('p');
  type.append(swatch(node.colour), document.createTextNode(`${node.type}: ${node.name}`));
  summary.append(type);
  if (node.aliases.length) summary.append(element('p', `also: ${node.aliases.join(', ')}`, 'aliases'));
  return summary;
}

// ---- legend, counts and search box ----

const legend = document.getElementById('legend')!;
for (const { type, colour, count } of data.types) {
  const item = element('li');
  item.append(swatch(colour), document.createTextNode(`${type} (${count})`));
  legend.append(item);
}
document.getElementById('counts')!.textContent = `${graph.order} entities · ${graph.size} relations · ${data.documents.length} documents`;

const names = document.getElementById('names')!;
for (const node of data.nodes) names.append(new Option(node.name));
document.getElementById('search')!.addEventListener('submit', (event) => {
  event.preventDefault();
  void search((document.getElementById('search-input') as HTMLInputElement).value);
});

window.kgView = { sigma, graph, search, select };
