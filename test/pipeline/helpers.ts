import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Entity, EntityType, GraphJson, RelationType } from '../../src/types.js';

export const repoFile = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The research corpora live beside the repo (../shared/data), never inside it. */
export const newsCorpus = (name: string): string => repoFile(`../shared/data/news/${name}`);

/** Read one record of a JSONL corpus by id; in CI the corpus must be there. */
export function newsArticle(corpus: string, id: string): { id: string; text: string; title?: string } {
  const path = newsCorpus(corpus);
  if (!existsSync(path)) throw new Error(`${path} is missing: these tests read the shared research corpora`);
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.includes(`"${id}"`)) {
      const record = JSON.parse(line) as { id: string; text: string; title?: string };
      if (record.id === id) return record;
    }
  }
  throw new Error(`${id} not found in ${path}`);
}

/** The one entity of that type whose name or an alias matches; fails on none and on duplicates. */
export function entity(graph: GraphJson, type: EntityType, name: string | RegExp): Entity {
  const matches = (text: string): boolean => (typeof name === 'string' ? text === name : name.test(text));
  const found = graph.entities.filter((e) => e.type === type && (matches(e.name) || e.aliases.some(matches)));
  expect(found.map((e) => e.id), `one ${type} named ${name}`).toHaveLength(1);
  return found[0]!;
}

/** Whether the graph holds the relation; symmetric relations match either way round. */
export function hasRelation(graph: GraphJson, type: RelationType, source: Entity, target: Entity, symmetric = false): boolean {
  return graph.relations.some(
    (r) =>
      r.type === type &&
      ((r.source === source.id && r.target === target.id) || (symmetric && r.source === target.id && r.target === source.id)),
  );
}

export function relation(graph: GraphJson, type: RelationType, source: Entity, target: Entity, symmetric = false) {
  const found = graph.relations.find(
    (r) =>
      r.type === type &&
      ((r.source === source.id && r.target === target.id) || (symmetric && r.source === target.id && r.target === source.id)),
  );
  expect(found, `${type}(${source.name}, ${target.name})`).toBeDefined();
  return found!;
}
