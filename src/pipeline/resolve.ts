import type { Entity, Mention } from '../types.js';
import type { AnalyzedText } from './analyze.js';
import { entityId } from './slug.js';

export interface Resolved {
  entities: Entity[];
  /** mentions[i] belongs to entities[entityOf[i]]. */
  mentions: Mention[];
  entityOf: number[];
}

/** Group the mentions of one document into entities. */
export function resolve(documentId: string, _analyzed: AnalyzedText, mentions: Mention[]): Resolved {
  const byId = new Map<string, number>();
  const entities: Entity[] = [];
  const entityOf: number[] = [];
  for (const mention of mentions) {
    const name = mention.canonical ?? mention.text;
    const id = entityId(mention.type, name);
    let index = byId.get(id);
    if (index === undefined) {
      index = entities.length;
      byId.set(id, index);
      entities.push({ id, type: mention.type, name, aliases: [], mentions: [] });
    }
    const entity = entities[index]!;
    if (mention.text !== entity.name && !entity.aliases.includes(mention.text)) entity.aliases.push(mention.text);
    entity.mentions.push({ document: documentId, start: mention.start, end: mention.end, text: mention.text });
    entityOf.push(index);
  }
  return { entities, mentions, entityOf };
}
