import { readFile } from 'node:fs/promises';
import type { KnowledgeGraph } from '../graph/build.js';
import { bundlePageScript, PAGE_SCRIPT } from './bundle.js';
import { corpusMap } from './corpus-map.js';
import { layoutPositions } from './layout.js';
import { viewData } from './view-data.js';

let bundled: Promise<string> | undefined;

/** The page script with its libraries: built at `npm run build`, bundled here only when run from the sources. */
function pageScript(): Promise<string> {
  bundled ??= readFile(PAGE_SCRIPT, 'utf8').catch(() => bundlePageScript());
  return bundled;
}

/**
 * Text placed inside `<script>`: `</script` (any case) and `<!--` would end or confuse the
 * element, so `<` is written `\u003c` (valid in JSON strings and JS string literals alike), and
 * U+2028/U+2029, line ends to older JS parsers, as escapes too.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** In bundled code `<` may stand in a regular expression, where `\u003c` would not do: escape only the closing tag. */
function scriptSafeCode(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** Above this many entities the page opens on the corpus map (communities apart, the rest hidden). */
export const CORPUS_MAP_ENTITIES = 2_000;

/**
 * One self-contained HTML file that shows the graph: sigma.js and graphology inlined, the layout
 * computed here (ForceAtlas2) so it opens settled, and the data embedded as JSON.
 */
export async function renderViewHtml(graph: KnowledgeGraph): Promise<string> {
  const map = graph.order > CORPUS_MAP_ENTITIES ? corpusMap(graph) : undefined;
  const data = map ? viewData(graph, map.positions, map) : viewData(graph, layoutPositions(graph));
  const script = await pageScript();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Knowledge graph: ${graph.order} entities, ${graph.size} relations</title>
<style>${STYLE}</style>
</head>
<body>
<div id="graph"></div>
<section id="controls">
  <form id="search" role="search">
    <input id="search-input" type="search" list="names" placeholder="Find an entity…" aria-label="Find an entity" autocomplete="off">
    <button type="submit">Find</button>
  </form>
  <p id="search-status" aria-live="polite"></p>
  <p id="counts"></p>
  <label id="isolated-toggle" hidden><input type="checkbox" id="show-isolated"> <span></span></label>
  <ul id="legend"></ul>
  <datalist id="names"></datalist>
  <aside id="details" hidden></aside>
</section>
<script type="application/json" id="kg-data">${scriptSafeJson(data)}</script>
<script>${scriptSafeCode(script)}</script>
</body>
</html>
`;
}

const STYLE = `
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }
#graph { position: absolute; top: 0; right: 0; bottom: 0; left: 361px; background: #fff; }
#controls { position: absolute; top: 0; left: 0; bottom: 0; width: 336px; overflow: auto; padding: 12px; background: #fafafa; border-right: 1px solid #ddd; }
#details { border-top: 1px solid #ddd; margin-top: 12px; padding-top: 10px; }
#search { display: flex; gap: 6px; }
#search-input { flex: 1; min-width: 0; padding: 4px 6px; }
#search-status:empty { display: none; }
#search-status { color: #a33; margin: 6px 0 0; }
#counts { color: #666; margin: 8px 0 4px; }
#legend { list-style: none; margin: 0; padding: 0; }
#legend li { margin: 2px 0; }
#isolated-toggle { display: block; margin: 4px 0 8px; color: #444; }
#isolated-toggle[hidden] { display: none; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: baseline; }
#details h2 { font-size: 17px; margin: 0 0 6px; }
#details h3 { font-size: 14px; margin: 14px 0 4px; }
#details h4 { font-size: 13px; margin: 10px 0 2px; }
#details p { margin: 2px 0; }
.relation-type { font-weight: 600; letter-spacing: 0.03em; }
.aliases, .properties { color: #555; }
.evidence { margin: 4px 0; padding-left: 18px; }
.evidence li { margin: 4px 0; }
.evidence q { display: block; }
.evidence q::before, .evidence q::after { content: none; }
.evidence cite { display: block; color: #666; font-size: 12px; }
.evidence cite::before { content: "— "; }
`;
