import { analyze } from '../../../src/pipeline/analyze.js';
import { clean } from '../../../src/pipeline/clean.js';
import { getGazetteer } from '../../../src/pipeline/entities/gazetteer.js';
import { type EntitySource, findMentions } from '../../../src/pipeline/entities/index.js';

/** The names the entity stage (or one of its sources) finds in a text, as "Type:text", role phrases left out. */
export function names(text: string, source?: EntitySource): string[] {
  return findMentions(analyze(clean(text)), getGazetteer(), source)
    .filter((mention) => !mention.role)
    .map((mention) => `${mention.type}:${mention.text}`);
}
