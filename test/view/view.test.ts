import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import type { GraphJson } from '../../src/types.js';
import { renderViewHtml, scriptSafeJson } from '../../src/view/html.js';
import type { ViewData } from '../../src/view/view-data.js';
import { runKg } from '../cli/run-kg.js';
import { hasChromium, hexToRgb, inCi, launchChromium, openView, pixelsAt } from './browser.js';

const directory = mkdtempSync(join(tmpdir(), 'kg-view-'));
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/export/${name}.json`, import.meta.url), 'utf8')) as GraphJson;
const MET_WITH = 'person:george-w-bush|MET_WITH|person:vladimir-putin';

async function writeView(json: GraphJson, name: string): Promise<{ html: string; path: string }> {
  const html = await renderViewHtml(buildGraph(json));
  const path = join(directory, `${name}.html`);
  writeFileSync(path, html);
  return { html, path };
}

/** The JSON the page reads, as the browser would parse it. */
function embeddedData(html: string): ViewData {
  const match = /<script type="application\/json" id="kg-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(match![1]!) as ViewData;
}

describe('the HTML file', () => {
  it('embeds JSON that cannot close its <script> or break on U+2028', () => {
    const text = '</script><!-- \u2028\u2029 <SCRIPT';
    const safe = scriptSafeJson({ text });
    expect(safe).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(safe)).toEqual({ text });
  });

  it('carries hostile names as data only and needs nothing from the network', async () => {
    const json = fixture('nasty-graph');
    const { html } = await writeView(json, 'nasty-static');
    // The only closing script tags are the two elements' own.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    const data = embeddedData(html);
    expect(data.nodes.map((node) => node.name)).toEqual(json.entities.map((entity) => entity.name));
    expect(data.documents[0]!.title).toBe(json.documents[0]!.title);
    expect(data.edges[0]!.evidence[0]!.text).toBe(json.relations[0]!.evidence[0]!.text);
  });

  it('is the same file every time for the same graph (fixed initial layout)', async () => {
    const json = fixture('seed-graph');
    const first = await renderViewHtml(buildGraph(json));
    expect(await renderViewHtml(buildGraph(json))).toBe(first);
    const positions = embeddedData(first).nodes.map((node) => [node.x, node.y]);
    expect(positions.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(new Set(positions.map(String)).size).toBe(positions.length);
  });
});

describe.runIf(hasChromium || inCi)('the HTML view in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('shows the seed graph, finds and centres Putin, and shows the evidence of the MET_WITH edge it is clicked on', async () => {
    const json = fixture('seed-graph');
    const { path } = await writeView(json, 'seed');
    const { page, problems } = await openView(browser, path);

    // Every node is inside the canvas, drawn in its type's colour.
    const { nodes, width, height } = await page.evaluate(() => {
      const { sigma, graph } = window.kgView;
      const { width, height } = sigma.getDimensions();
      return {
        width,
        height,
        nodes: graph.mapNodes((key, attributes) => ({ key, colour: attributes.color as string, ...sigma.graphToViewport(attributes as { x: number; y: number }) })),
      };
    });
    expect(nodes.map((node) => node.key).sort()).toEqual(json.entities.map((entity) => entity.id).sort());
    const canvas = (await page.locator('#graph').boundingBox())!;
    const pixels = await pixelsAt(page, nodes.map((node) => ({ x: canvas.x + node.x, y: canvas.y + node.y })));
    nodes.forEach((node, index) => {
      expect(node.x, node.key).toBeGreaterThan(0);
      expect(node.x, node.key).toBeLessThan(width);
      expect(node.y, node.key).toBeGreaterThan(0);
      expect(node.y, node.key).toBeLessThan(height);
      const [r, g, b] = pixels[index]!;
      const [er, eg, eb] = hexToRgb(node.colour);
      expect(Math.abs(r - er) + Math.abs(g - eg) + Math.abs(b - eb), `${node.key} drawn at its position`).toBeLessThan(30);
    });
    const legend = await page.locator('#legend').innerText();
    expect(legend).toContain('Person (2)');
    expect(legend).toContain('Treaty (1)');

    // Search, through the search box as a user does.
    await page.fill('#search-input', 'Putin');
    await page.press('#search-input', 'Enter');
    await page.locator('#details h2', { hasText: 'Vladimir Putin' }).waitFor();
    // The camera glides there; under load the last frame (and a sidebar resize) may come late.
    await page
      .waitForFunction(() => {
        const { sigma, graph } = window.kgView;
        const at = sigma.graphToViewport(graph.getNodeAttributes('person:vladimir-putin') as { x: number; y: number });
        const size = sigma.getDimensions();
        return !sigma.getCamera().isAnimated() && Math.abs(at.x - size.width / 2) < 1.5 && Math.abs(at.y - size.height / 2) < 1.5;
      }, undefined, { timeout: 10_000 })
      .catch(() => undefined);
    const centred = await page.evaluate(() => {
      const { sigma, graph } = window.kgView;
      return { at: sigma.graphToViewport(graph.getNodeAttributes('person:vladimir-putin') as { x: number; y: number }), size: sigma.getDimensions() };
    });
    expect(centred.at.x, JSON.stringify(centred)).toBeCloseTo(centred.size.width / 2, -0.5);
    expect(centred.at.y, JSON.stringify(centred)).toBeCloseTo(centred.size.height / 2, -0.5);
    expect(await page.locator('#details h2').innerText()).toBe('Vladimir Putin');
    expect(await page.locator('#details').innerText()).toContain('also: Russian President Putin, Putin');

    // A real mouse click on the MET_WITH edge: find a point on it by hovering across it.
    await page.evaluate(() => window.kgView.select(null));
    const point = await findEdgePoint(page, MET_WITH, canvas);
    expect(point, 'a point where the mouse is over the MET_WITH edge').not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const details = await page.locator('#details').innerText();
    expect(details).toContain('George W. Bush → Vladimir Putin');
    expect(details).toContain('MET_WITH');
    expect(details).toContain('place: Shanghai');
    expect(details).toContain('The two leaders met after the Asia-Pacific Economic Cooperation forum in Shanghai');
    expect(details).toContain('Putin opens door to further talks on ABM treaty');
    await page.screenshot({ path: new URL('view-seed-met-with.png', ARTIFACTS).pathname });

    // Clicking a node shows its evidence too.
    const bush = await page.evaluate(() => window.kgView.sigma.graphToViewport(window.kgView.graph.getNodeAttributes('person:george-w-bush') as { x: number; y: number }));
    await page.mouse.click(canvas.x + bush.x, canvas.y + bush.y);
    const bushDetails = await page.locator('#details').innerText();
    expect(bushDetails).toContain('George W. Bush');
    expect(bushDetails).toContain('WITHDRAWS_FROM → Anti-Ballistic Missile Treaty');
    expect(bushDetails).toContain("desire to withdraw from the 1972 Anti-Ballistic Missile Treaty");

    expect(problems).toEqual([]);
  });

  it('opens the page `kg view` writes for the real sample article', async () => {
    const output = join(directory, 'sample.html');
    const run = await runKg(['view', 'data/sample/cnn-2001-putin-bush-abm.txt', '-o', output]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^wrote .*sample\.html: \d+ entities, \d+ relations\n$/);
    const { page, problems } = await openView(browser, output);
    const order = await page.evaluate(() => window.kgView.graph.order);
    expect(order).toBe(embeddedData(readFileSync(output, 'utf8')).nodes.length);
    expect(order).toBeGreaterThan(0);
    const putin = await page.evaluate(() => window.kgView.search('Putin'));
    expect(putin).not.toBeNull();
    expect(await page.locator('#details h2').innerText()).toMatch(/Putin/);
    await page.screenshot({ path: new URL('view-sample.png', ARTIFACTS).pathname });
    expect(problems).toEqual([]);
  });

  it('shows hostile names as text: no markup, no script, no errors', async () => {
    const json = fixture('nasty-graph');
    const { path } = await writeView(json, 'nasty');
    const { page, problems } = await openView(browser, path);
    await page.evaluate((key) => window.kgView.select(key), `${json.relations[0]!.source}|MET_WITH|${json.relations[0]!.target}`);
    const details = await page.locator('#details').innerText();
    expect(details).toContain(`O'Brien <&> "Q" 😀🇷🇺`);
    expect(details).toContain('Title with </script><script>alert(1)</script>');
    expect(await page.locator('#details script, #details b').count()).toBe(0);
    expect(await page.evaluate(() => window.kgView.search('o\'brien'))).toBe(json.entities[0]!.id);
    expect(problems).toEqual([]);
  });

  it('stays responsive with 5,000 entities and 10,000 relations', async () => {
    const json = bigGraph(5_000, 10_000);
    const started = performance.now();
    const { path, html } = await writeView(json, 'big');
    const renderSeconds = (performance.now() - started) / 1000;
    const opened = performance.now();
    const { page, problems } = await openView(browser, path);
    const openSeconds = (performance.now() - opened) / 1000;
    // Frame times while the camera zooms in and pans: the page must keep drawing.
    const frames = await page.evaluate(async () => {
      const { sigma } = window.kgView;
      const times: number[] = [];
      let last = performance.now();
      let running = true;
      const tick = () => {
        const now = performance.now();
        times.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      await sigma.getCamera().animate({ ratio: 0.1, x: 0.3, y: 0.6 }, { duration: 1500 });
      running = false;
      times.sort((a, b) => a - b);
      return { count: times.length, median: times[Math.floor(times.length / 2)]!, worst: times[times.length - 1]! };
    });
    const found = await page.evaluate(() => window.kgView.search('Person 4321'));
    console.info(
      `view of 5,000 nodes: ${(html.length / 1e6).toFixed(1)} MB written in ${renderSeconds.toFixed(1)} s, opened in ${openSeconds.toFixed(1)} s; ` +
        `zoom animation: ${frames.count} frames, median ${frames.median.toFixed(0)} ms, worst ${frames.worst.toFixed(0)} ms`,
    );
    await page.screenshot({ path: new URL('view-5000.png', ARTIFACTS).pathname });
    expect(found).toBe('person:p4321');
    expect(openSeconds).toBeLessThan(20);
    // Generous bounds: Chromium here draws WebGL in software (SwiftShader) on a shared machine.
    expect(frames.count).toBeGreaterThan(2);
    expect(frames.median).toBeLessThan(1_000);
    expect(frames.worst).toBeLessThan(3_000);
    expect(problems).toEqual([]);
  });
});

/** Hover along the perpendicular through the middle of the edge until sigma reports it under the mouse. */
async function findEdgePoint(page: import('playwright-core').Page, edge: string, canvas: { x: number; y: number }): Promise<{ x: number; y: number } | null> {
  const ends = await page.evaluate((key) => {
    const { sigma, graph } = window.kgView;
    const [source, target] = graph.extremities(key).map((node) => sigma.graphToViewport(graph.getNodeAttributes(node) as { x: number; y: number }));
    (window as unknown as { hovered: string | null }).hovered = null;
    sigma.on('enterEdge', ({ edge: entered }) => ((window as unknown as { hovered: string | null }).hovered = entered));
    sigma.on('leaveEdge', () => ((window as unknown as { hovered: string | null }).hovered = null));
    return { source: source!, target: target! };
  }, edge);
  const middle = { x: canvas.x + (ends.source.x + ends.target.x) / 2, y: canvas.y + (ends.source.y + ends.target.y) / 2 };
  const length = Math.hypot(ends.target.x - ends.source.x, ends.target.y - ends.source.y);
  const normal = { x: -(ends.target.y - ends.source.y) / length, y: (ends.target.x - ends.source.x) / length };
  for (let step = 0; step <= 120; step++) {
    const offset = (step % 2 ? 1 : -1) * Math.ceil(step / 2);
    const point = { x: middle.x + normal.x * offset, y: middle.y + normal.y * offset };
    await page.mouse.move(point.x, point.y);
    if ((await page.evaluate(() => (window as unknown as { hovered: string | null }).hovered)) === edge) return point;
  }
  return null;
}

/** A synthetic graph of the size a large corpus gives: people in a random (seeded) web of meetings. */
function bigGraph(nodes: number, edges: number): GraphJson {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const types = ['Person', 'Country', 'Place', 'Organization', 'Treaty', 'Event'] as const;
  const entities = Array.from({ length: nodes }, (_, index) => ({
    id: `person:p${index}`,
    type: types[index % types.length]!,
    name: `Person ${index}`,
    aliases: [],
    mentions: [{ document: 'big', start: 0, end: 1, text: 'P' }],
  }));
  const relations = new Map<string, GraphJson['relations'][number]>();
  while (relations.size < edges) {
    const source = Math.floor(random() * nodes);
    const target = Math.floor(random() * nodes);
    if (source === target) continue;
    relations.set(`${source}-${target}`, {
      type: 'MET_WITH',
      source: `person:p${source}`,
      target: `person:p${target}`,
      properties: {},
      confidence: 0.5,
      evidence: [{ document: 'big', start: 0, end: 10, text: `Person ${source} met Person ${target}.` }],
    });
  }
  return { documents: [{ id: 'big', source: 'big.txt' }], entities, relations: [...relations.values()] };
}
