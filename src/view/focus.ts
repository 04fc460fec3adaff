/** `kg view --focus NAME --hops N`: the part of a graph within N relations of one entity. */
import { UserError } from '../errors.js';
import { buildGraph, graphToJson, type KnowledgeGraph } from '../graph/build.js';

/**
 * The entity called `name` (its id, name or an alias; case does not matter; the most connected
 * when several share it) and everything within `hops` relations of it, either way, with the
 * relations between them and the documents they come from.
 */
export function neighbourhood(graph: KnowledgeGraph, name: string, hops: number): KnowledgeGraph {
  const centre = findEntity(graph, name);
  const reached = new Set([centre]);
  let frontier = [centre];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (reached.has(neighbour)) return;
        reached.add(neighbour);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  const json = graphToJson(graph);
  const relations = json.relations.filter((relation) => reached.has(relation.source) && reached.has(relation.target));
  const entities = json.entities.filter((entity) => reached.has(entity.id));
  const used = new Set([...entities.flatMap((entity) => entity.mentions.map((mention) => mention.document)), ...relations.flatMap((relation) => relation.evidence.map((evidence) => evidence.document))]);
  return buildGraph({ documents: json.documents.filter((document) => used.has(document.id)), entities, relations });
}

function findEntity(graph: KnowledgeGraph, name: string): string {
  if (graph.hasNode(name)) return name;
  const wanted = name.trim().toLowerCase();
  const matches = graph.filterNodes((_key, entity) => [entity.name, ...(entity.aliases ?? [])].some((candidate) => candidate.toLowerCase() === wanted));
  if (matches.length === 0) throw new UserError(`--focus ${name}: no entity has this name, alias or id`);
  return matches.reduce((best, key) => (graph.degree(key) > graph.degree(best) ? key : best));
}
