/**
 * The page script of `kg view` (bundled with sigma and graphology into the HTML file): draws the
 * precomputed layout, the legend, the search box and the details panel.
 */
import { DEFAULT_EDGE_CURVATURE, EdgeCurvedArrowProgram, indexParallelEdgesIndex } from '@sigma/edge-curve';
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram } from 'sigma/rendering';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { ViewData, ViewEdge, ViewNode } from '../view-data.js';

/** Above this many edges, edge labels show only when zoomed in and edges hide while moving. */
const BIG_GRAPH_EDGES = 2_000;
/** Up to this many nodes every node label is shown; above it, only big enough ones. */
const ALL_LABELS_NODES = 200;
const EDGE_COLOUR = '#b8b8b8';
const DIMMED_COLOUR = '#e4e4e4';
/** Communities named in the legend of a corpus map. */
const LEGEND_COMMUNITIES = 12;
/** Margin kept between a searched entity's neighbours and the canvas edge, in pixels. */
const FIT_MARGIN = 40;
/** Labels stay this many pixels inside the canvas. */
const LABEL_MARGIN = 4;

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

/** A corpus map: coloured by community, the entities without relations hidden until asked for. */
const corpusMap = data.communities !== undefined;
const typeColours = new Map(data.types.map(({ type, colour }) => [type, colour]));
let showIsolated = false;
/** Entities without relations shown anyway: the ones a search found. */
const revealed = new Set<string>();
const isHidden = (node: ViewNode): boolean => corpusMap && node.community === undefined && !showIsolated && !revealed.has(node.key);

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

const big = graph.size > BIG_GRAPH_EDGES || corpusMap;
const allLabels = graph.order <= ALL_LABELS_NODES;

/** Sigma's label, moved to the left of its node when it would run past the right edge, and kept inside vertically. */
const drawLabelInside: NodeLabelDrawingFunction = (context, labelData, settings) => {
  if (!labelData.label) return;
  const { labelSize: size, labelFont: font, labelWeight: weight } = settings;
  context.font = `${weight} ${size}px ${font}`;
  context.fillStyle = settings.labelColor.color ?? '#000';
  const width = context.measureText(labelData.label).width;
  const { width: canvasWidth, height: canvasHeight } = sigmaDimensions();
  let x = labelData.x + labelData.size + 3;
  if (x + width > canvasWidth) x = labelData.x - labelData.size - 3 - width;
  // A node just past an edge keeps its label inside too, a few pixels clear (descenders included).
  x = Math.max(LABEL_MARGIN, Math.min(x, canvasWidth - width - LABEL_MARGIN));
  const y = Math.max(size + LABEL_MARGIN, Math.min(labelData.y + size / 3, canvasHeight - size / 3 - LABEL_MARGIN));
  context.fillText(labelData.label, x, y);
};
let selected: { kind: 'node' | 'edge'; key: string } | null = null;

const sigma = new Sigma(graph, document.getElementById('graph')!, {
  enableEdgeEvents: true,
  renderEdgeLabels: !big,
  hideEdgesOnMove: big,
  hideLabelsOnMove: big,
  labelRenderedSizeThreshold: allLabels ? 0 : corpusMap ? 14 : 6,
  defaultDrawNodeLabel: drawLabelInside,
  defaultEdgeType: 'straight',
  edgeProgramClasses: { straight: EdgeArrowProgram, curved: EdgeCurvedArrowProgram },
  edgeLabelSize: 11,
  zIndex: true,
  nodeReducer: (node, attributes) => {
    if (isHidden(attributes.data)) return { ...attributes, hidden: true };
    if (!selected) return { ...attributes, forceLabel: allLabels || attributes.data.labelled === true };
    if (selected.kind === 'node' && (node === selected.key || graph.areNeighbors(node, selected.key))) {
      return { ...attributes, highlighted: node === selected.key, forceLabel: true, zIndex: 1 };
    }
    if (selected.kind === 'edge' && graph.hasExtremity(selected.key, node)) return { ...attributes, highlighted: true, forceLabel: true, zIndex: 1 };
    return { ...attributes, color: DIMMED_COLOUR, label: '', zIndex: 0 };
  },
  edgeReducer: (edge, attributes) => {
    if (!selected) return attributes;
    if (selected.kind === 'node' && graph.hasExtremity(edge, selected.key) && graph.extremities(edge).some((end) => isHidden(graph.getNodeAttribute(end, 'data')))) return { ...attributes, hidden: true };
    const lit = selected.kind === 'edge' ? edge === selected.key : graph.hasExtremity(edge, selected.key);
    return lit
      ? { ...attributes, color: '#444444', size: attributes.size + (edge === selected.key ? 2 : 0), forceLabel: true, zIndex: 1 }
      : { ...attributes, color: DIMMED_COLOUR, label: '', zIndex: 0 };
  },
});

function sigmaDimensions(): { width: number; height: number } {
  const container = document.getElementById('graph')!;
  return { width: container.clientWidth, height: container.clientHeight };
}

/** On a corpus map the camera frames the entities shown: the hidden ring of unrelated ones would shrink the map. */
function frameShownNodes(): void {
  if (!corpusMap) return;
  if (showIsolated) {
    sigma.setCustomBBox(null).refresh();
    return;
  }
  const x: [number, number] = [Infinity, -Infinity];
  const y: [number, number] = [Infinity, -Infinity];
  graph.forEachNode((_node, attributes) => {
    if (isHidden(attributes.data)) return;
    x[0] = Math.min(x[0], attributes.x);
    x[1] = Math.max(x[1], attributes.x);
    y[0] = Math.min(y[0], attributes.y);
    y[1] = Math.max(y[1], attributes.y);
  });
  // The frame is set when sigma indexes the graph: refresh in full.
  if (Number.isFinite(x[0])) sigma.setCustomBBox({ x, y }).refresh();
}
frameShownNodes();

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
    const reveal = isHidden(best);
    if (reveal) revealed.add(best.key);
    select(best.key);
    if (reveal) sigma.refresh();
    await sigma.getCamera().animate(cameraOnNeighbourhood(best.key), { duration: 400 });
    return best.key;
  }
  status.textContent = `no entity called “${query.trim()}”`;
  return null;
}

/** The camera centred on a node, zoomed so that its shown neighbours stay inside the canvas. */
function cameraOnNeighbourhood(key: string): { x: number; y: number; ratio: number } {
  const centre = sigma.getNodeDisplayData(key)!;
  const { width, height } = sigma.getDimensions();
  // Where each neighbour would land with the camera on the node at ratio 1; the offsets scale with the ratio.
  const atOne = { x: centre.x, y: centre.y, ratio: 1, angle: 0 };
  const middle = sigma.framedGraphToViewport(centre, { cameraState: atOne });
  let ratio = 0.15;
  graph.forEachNeighbor(key, (neighbour) => {
    if (isHidden(graph.getNodeAttribute(neighbour, 'data'))) return;
    const at = sigma.framedGraphToViewport(sigma.getNodeDisplayData(neighbour)!, { cameraState: atOne });
    ratio = Math.max(ratio, Math.abs(at.x - middle.x) / (width / 2 - FIT_MARGIN), Math.abs(at.y - middle.y) / (height / 2 - FIT_MARGIN));
  });
  return { x: centre.x, y: centre.y, ratio };
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
  type.append(swatch(typeColours.get(node.type) ?? node.colour), document.createTextNode(`${node.type}: ${node.name}`));
  summary.append(type);
  if (node.aliases.length) summary.append(element('p', `also: ${node.aliases.join(', ')}`, 'aliases'));
  return summary;
}

// ---- legend, counts and search box ----

const legend = document.getElementById('legend')!;
if (data.communities) {
  // A corpus map: the largest communities, named after their most connected entity.
  for (const { colour, label, size } of data.communities.slice(0, LEGEND_COMMUNITIES)) {
    const item = element('li');
    item.append(swatch(colour), document.createTextNode(`${label} and ${size - 1} more`));
    legend.append(item);
  }
  const rest = data.communities.length - LEGEND_COMMUNITIES;
  if (rest > 0) legend.append(element('li', `${rest} smaller communities`, 'rest'));
  const isolated = data.nodes.filter((node) => node.community === undefined).length;
  const toggle = document.getElementById('isolated-toggle')!;
  toggle.hidden = isolated === 0;
  toggle.querySelector('span')!.textContent = `show the ${isolated} entities without relations`;
  toggle.querySelector('input')!.addEventListener('change', (event) => {
    showIsolated = (event.target as HTMLInputElement).checked;
    frameShownNodes();
  });
} else {
  for (const { type, colour, count } of data.types) {
    const item = element('li');
    item.append(swatch(colour), document.createTextNode(`${type} (${count})`));
    legend.append(item);
  }
}
document.getElementById('counts')!.textContent = `${graph.order} entities · ${graph.size} relations · ${data.documents.length} documents`;

const names = document.getElementById('names')!;
for (const node of data.nodes) names.append(new Option(node.name));
document.getElementById('search')!.addEventListener('submit', (event) => {
  event.preventDefault();
  void search((document.getElementById('search-input') as HTMLInputElement).value);
});

window.kgView = { sigma, graph, search, select };
