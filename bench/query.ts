/**
 * `kg query` speed on a 20,000-entity random graph: "who met whom" (cypher/queries/met-with.cypher),
 * a 3-hop neighbourhood and a shortest path, each timed on the in-memory engine.
 * Run alone with `npx tsx bench/query.ts`; `runQueryBench()` returns the figures for other benches.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildGraph } from '../src/graph/build.js';
import { runQuery } from '../src/query/index.js';
import { RELATION_TYPES, type Entity, type EntityType, type GraphJson, type Relation } from '../src/types.js';

export interface QueryBenchFigure {
  name: string;
  /** Wall-clock time. */
  milliseconds: number;
  /** CPU time of the process (all threads, garbage collection included): steadier on a busy machine. */
  cpuMilliseconds: number;
  rows: number;
}

const TYPES: Array<[EntityType, number]> = [['Person', 0.4], ['Country', 0.1], ['Place', 0.2], ['Organization', 0.2], ['Event', 0.07], ['Treaty', 0.03]];

/** A seeded random graph: entities of every type, ~3 relations each, mentions spread over documents. */
export function randomGraphJson(entityCount = 20_000, seed = 42): GraphJson {
  // mulberry32: small, seeded, good enough to spread edges evenly.
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const documents = Array.from({ length: Math.ceil(entityCount / 20) }, (_, i) => ({ id: `doc-${i}`, source: `bench:${i}` }));
  const entities: Entity[] = [];
  const byType = new Map<EntityType, string[]>();
  for (let i = 0; i < entityCount; i++) {
    let roll = random();
    const type = TYPES.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'Person';
    const id = `${type.toLowerCase()}:entity-${i}`;
    const document = pick(documents).id;
    entities.push({ id, type, name: `${type} ${i}`, aliases: [], mentions: [{ document, start: 0, end: 1, text: 'x' }] });
    const ofType = byType.get(type) ?? [];
    ofType.push(id);
    byType.set(type, ofType);
  }
  const relations = new Map<string, Relation>();
  const people = byType.get('Person')!;
  for (let i = 0; i < entityCount * 3; i++) {
    const metWith = random() < 0.3;
    const type = metWith ? 'MET_WITH' : pick(RELATION_TYPES);
    const source = metWith ? pick(people) : pick(entities).id;
    const target = metWith ? pick(people) : pick(entities).id;
    if (source === target) continue;
    const evidence = [{ document: pick(documents).id, start: 0, end: 1, text: `${source} ${type} ${target}` }];
    relations.set(`${source}|${type}|${target}`, { type, source, target, properties: { place: 'Somewhere' }, confidence: 0.5, evidence });
  }
  return { documents, entities, relations: [...relations.values()] };
}

export function runQueryBench(entityCount = 20_000): QueryBenchFigure[] {
  const json = randomGraphJson(entityCount);
  const graph = buildGraph(json);
  const first = json.entities.find((entity) => entity.type === 'Person')!.name;
  const metWith = readFileSync(new URL('../cypher/queries/met-with.cypher', import.meta.url), 'utf8');
  const shortestPath = readFileSync(new URL('../cypher/queries/shortest-path.cypher', import.meta.url), 'utf8');
  const time = (name: string, query: string, parameters: Record<string, unknown> = {}): QueryBenchFigure => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { rows } = runQuery(graph, query, parameters);
    const cpu = process.cpuUsage(cpuStarted);
    return { name, milliseconds: performance.now() - started, cpuMilliseconds: (cpu.user + cpu.system) / 1000, rows: rows.length };
  };
  const figures = [time('first query (builds the indexes)', 'MATCH (n:Entity) RETURN count(n)')];
  figures.push(time('who met whom (met-with.cypher)', metWith));
  figures.push(time('whom one person met', 'MATCH (a:Person {name: $name})-[r:MET_WITH]-(b) RETURN b.name, r.place', { name: first }));
  figures.push(time('3-hop neighbourhood of one person', 'MATCH (a:Person {name: $name})-[*3]-(b:Entity) RETURN count(DISTINCT b) AS reached', { name: first }));
  // Someone three hops away, so the path queries have something to find.
  const second = runQuery(graph, 'MATCH (:Person {name: $name})-[*3]-(b:Person) RETURN b.name AS name LIMIT 1', { name: first }).rows[0]?.name ?? first;
  figures.push(time('3-hop paths between two people', 'MATCH p = (a:Person {name: $a})-[*1..3]-(b:Person {name: $b}) RETURN p', { a: first, b: second }));
  figures.push(time('shortest path (shortest-path.cypher)', shortestPath, { from: first, to: second }));
  return figures;
}

function print(figures: QueryBenchFigure[], entityCount: number): void {
  process.stdout.write(`kg query, in memory, ${entityCount.toLocaleString('en')} entities:\n`);
  for (const figure of figures) {
    process.stdout.write(`  ${figure.name.padEnd(40)} ${figure.milliseconds.toFixed(1).padStart(8)} ms  (CPU ${figure.cpuMilliseconds.toFixed(1).padStart(7)} ms)  ${figure.rows} rows\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) print(runQueryBench(), 20_000);
