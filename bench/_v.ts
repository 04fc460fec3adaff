import { readFileSync } from 'node:fs';
import { buildGraph } from '../src/graph/build.js';
import { graphView } from '../src/query/graph-view.js';
const graph = buildGraph(JSON.parse(readFileSync('/tmp/reuters-graph.json', 'utf8')));
const c = process.cpuUsage(); const t = performance.now();
graphView(graph);
console.log('view', (performance.now() - t).toFixed(0), 'cpu', (process.cpuUsage(c).user / 1000).toFixed(0));
