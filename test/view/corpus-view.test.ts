/**
 * `kg view` of a corpus in headless Chromium: thousands of real entities (the first Reuters
 * stories, or a saved graph given as KG_VIEW_GRAPH=graph.json) open on the community map, labels
 * stay inside the canvas even where a node sits at its edge, a search lands on the entity with its
 * neighbours in view, and the entities without relations come and go with the toggle. Screenshots
 * go to test-artifacts/ (the README picture: KG_VIEW_GRAPH=reuters-graph.json, all 19,043 stories).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { buildGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import { readDocuments } from '../../src/ingest/index.js';
import type { GraphJson } from '../../src/types.js';
import { CORPUS_MAP_ENTITIES, renderViewHtml } from '../../src/view/html.js';
import { hasChromium, inCi, launchChromium, openView, type OpenedView } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const REUTERS = resolve(ROOT, '../shared/data/news/reuters.jsonl');
const STORIES = 1_500;
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
const VIEWPORT = { width: 1400, height: 900 };
const savedGraph = process.env.KG_VIEW_GRAPH;

describe.runIf((hasChromium && (existsSync(REUTERS) || savedGraph)) || inCi)('kg view of a corpus, in headless Chromium', { timeout: 300_000 }, () => {
  let browser: Browser;
  let graph: KnowledgeGraph;
  let view: OpenedView;
  let page: Page;

  beforeAll(async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kg-corpus-view-'));
    let json: GraphJson;
    if (savedGraph) {
      json = JSON.parse(readFileSync(savedGraph, 'utf8')) as GraphJson;
    } else {
      const stories = join(directory, 'reuters.jsonl');
      writeFileSync(stories, `${readFileSync(REUTERS, 'utf8').split('\n').slice(0, STORIES).join('\n')}\n`);
      json = (await extract(readDocuments([stories]), { workers: 2 })).json;
    }
    graph = buildGraph(json);
    const path = join(directory, 'corpus.html');
    writeFileSync(path, await renderViewHtml(graph));
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    view = await openView(browser, path, VIEWPORT);
    page = view.page;
  }, 300_000);

  afterAll(async () => browser?.close());

  it('opens on the community map: communities in the legend, unrelated entities hidden', async () => {
    expect(graph.order).toBeGreaterThan(CORPUS_MAP_ENTITIES);
    const isolated = graph.filterNodes((node) => graph.degree(node) === 0);
    expect(isolated.length).toBeGreaterThan(0);
    const state = await page.evaluate((sample) => {
      const { sigma, graph } = window.kgView;
      return {
        hidden: sample.filter((key) => sigma.getNodeDisplayData(key)!.hidden).length,
        communities: document.querySelectorAll('#legend li').length,
        toggle: document.querySelector('#isolated-toggle')!.textContent,
        colours: new Set(graph.mapNodes((_key, attributes) => attributes.color as string)).size,
      };
    }, isolated.slice(0, 200));
    expect(state.hidden).toBe(Math.min(200, isolated.length));
    expect(state.toggle).toContain(`show the ${isolated.length} entities without relations`);
    expect(state.communities).toBeGreaterThan(5);
    expect(state.colours).toBeGreaterThan(5);
    await page.screenshot({ path: new URL('view-reuters.png', ARTIFACTS).pathname });
  });

  it('keeps every label inside the canvas, even for a node at its right edge', async () => {
    expect(await labelsTouchingEdge(page), 'label pixels on the canvas border, opening map').toEqual([]);
    // Put the most connected entity 4 pixels from the right edge: its label must turn inwards.
    const top = mostConnected(graph);
    await page.evaluate((key) => {
      const { sigma, graph } = window.kgView;
      const camera = sigma.getCamera();
      const at = sigma.graphToViewport(graph.getNodeAttributes(key) as { x: number; y: number });
      const from = sigma.viewportToFramedGraph(at);
      const to = sigma.viewportToFramedGraph({ x: sigma.getDimensions().width - 4, y: at.y });
      camera.setState({ x: camera.x + from.x - to.x, y: camera.y + from.y - to.y });
    }, top);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const placed = await page.evaluate((key) => window.kgView.sigma.graphToViewport(window.kgView.graph.getNodeAttributes(key) as { x: number; y: number }), top);
    expect(placed.x).toBeGreaterThan(VIEWPORT.width - 361 - 10);
    expect(await labelsTouchingEdge(page), 'label pixels on the canvas border, node at the edge').toEqual([]);
    expect(await labelPixels(page)).toBeGreaterThan(0);
  });

  it('lands a search on the entity, with its neighbours in view', async () => {
    const top = mostConnected(graph);
    const name = graph.getNodeAttribute(top, 'name');
    await page.fill('#search-input', name);
    await page.press('#search-input', 'Enter');
    await page.locator('#details h2', { hasText: name }).waitFor();
    // The camera animates, and the page may move it once more when the labels settle: wait until it
    // has come to rest on the entity (a search that never centres it times out here).
    await page
      .waitForFunction(
        (key) => {
          const { sigma, graph } = window.kgView;
          if (sigma.getCamera().isAnimated()) return false;
          const at = sigma.graphToViewport(graph.getNodeAttributes(key) as { x: number; y: number });
          const { width, height } = sigma.getDimensions();
          return Math.abs(at.x - width / 2) < 2 && Math.abs(at.y - height / 2) < 2;
        },
        top,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const seen = await page.evaluate((key) => {
      const { sigma, graph } = window.kgView;
      const at = (node: string) => sigma.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number });
      return { size: sigma.getDimensions(), centre: at(key), neighbours: graph.neighbors(key).map(at) };
    }, top);
    expect(seen.neighbours.length).toBe(graph.neighbors(top).length);
    expect(Math.abs(seen.centre.x - seen.size.width / 2)).toBeLessThan(2);
    expect(Math.abs(seen.centre.y - seen.size.height / 2)).toBeLessThan(2);
    for (const point of seen.neighbours) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(seen.size.width);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(seen.size.height);
    }
    expect(await labelsTouchingEdge(page), 'label pixels on the canvas border, after the search').toEqual([]);
    await page.screenshot({ path: new URL('view-reuters-search.png', ARTIFACTS).pathname });
  });

  it('finds an entity without relations too, and shows all of them on request', async () => {
    const lonely = graph.filterNodes((node) => graph.degree(node) === 0)[0]!;
    const found = await page.evaluate((name) => window.kgView.search(name), graph.getNodeAttribute(lonely, 'name'));
    expect(found).not.toBeNull();
    expect(await page.evaluate((key) => window.kgView.sigma.getNodeDisplayData(key)!.hidden ?? false, found!)).toBe(false);
    const other = graph.filterNodes((node) => graph.degree(node) === 0 && node !== found).at(-1)!;
    const hiddenBefore = await page.evaluate((key) => window.kgView.sigma.getNodeDisplayData(key)!.hidden ?? false, other);
    await page.check('#show-isolated');
    const hiddenAfter = await page.evaluate((key) => window.kgView.sigma.getNodeDisplayData(key)!.hidden ?? false, other);
    expect([hiddenBefore, hiddenAfter]).toEqual([true, false]);
    expect(view.problems).toEqual([]);
  });
});

function mostConnected(graph: KnowledgeGraph): string {
  return graph.nodes().reduce((best, node) => (graph.degree(node) > graph.degree(best) ? node : best));
}

/** Non-transparent pixels of sigma's label layer in its outermost 2-pixel frame, as "x,y". */
async function labelsTouchingEdge(page: Page): Promise<string[]> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const canvas = window.kgView.sigma.getCanvases().labels!;
    const { width, height } = canvas;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    const touching: string[] = [];
    const frame = 2 * window.devicePixelRatio;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (x >= frame && x < width - frame && y >= frame && y < height - frame) continue;
        if (pixels[(y * width + x) * 4 + 3]! > 0) touching.push(`${x},${y}`);
      }
    }
    return touching.slice(0, 10);
  });
}

async function labelPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = window.kgView.sigma.getCanvases().labels!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
    return count;
  });
}
