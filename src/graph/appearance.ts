import type { EntityType } from '../types.js';

/** How the graph looks in Gephi (GEXF) and in the HTML view, the same in both. */

/** One colour per entity type. */
export const ENTITY_COLOURS: Readonly<Record<EntityType, string>> = {
  Person: '#e6194b',
  Country: '#4363d8',
  Place: '#3cb44b',
  Organization: '#f58231',
  Treaty: '#911eb4',
  Event: '#c9a400',
};

/** For a type outside the schema (a hand-edited --graph file). */
export const UNKNOWN_TYPE_COLOUR = '#888888';

export function entityColour(type: string): string {
  return (ENTITY_COLOURS as Record<string, string>)[type] ?? UNKNOWN_TYPE_COLOUR;
}

/** Node size: grows with the square root of the degree, so hubs stand out without swamping. */
export function nodeSizeByDegree(degree: number): number {
  return 3 + 2 * Math.sqrt(degree);
}
