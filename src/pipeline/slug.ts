import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';
import type { EntityType } from '../types.js';

/**
 * Scripts whose letters map to Latin letters one by one, so transliteration keeps two different
 * names apart ("Søren Ørsted" → `soren-orsted`, "Владимир Путин" → `vladimir-putin`, the same
 * id as the Latin spelling). Other scripts (Han, Arabic, Hebrew, Devanagari, Thai …) lose vowels or
 * tones in Latin, so different names would meet: they keep their own letters.
 */
const ALPHABETIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}\p{M}\P{L}]*$/u;

/** `Person`, `George W. Bush` → `person:george-w-bush`: stable, readable, never empty. */
export function entityId(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${slug(name)}`;
}

/**
 * A name's slug: transliterated to ASCII when its script allows it without loss, else its own
 * letters in lower case; a name with neither (only symbols or emoji) gets a stable hash of itself.
 */
export function slug(name: string): string {
  const normalised = name.normalize('NFKC').replace(/&/g, ' and ');
  const latin = ALPHABETIC.test(normalised) ? asciiSlug(transliterate(normalised)) : '';
  if (latin) return latin;
  const own = normalised
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return own || `x${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

function asciiSlug(ascii: string): string {
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
