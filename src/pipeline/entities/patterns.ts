import type { EntityType } from '../../types.js';

/**
 * Name patterns: the word a name ends or starts with says what it names ("… Treaty", "Bank of …",
 * "… Inc"). Rules are data: a new kind of name is one entry here plus a test.
 */
export interface NamePattern {
  type: EntityType;
  /** Lower-cased words; a name whose last word is one of them has this type. */
  lastWords?: readonly string[];
  /** Lower-cased words followed by "of" or "on" ("Treaty of Versailles", "Bank of England"). */
  firstWordsBeforeOf?: readonly string[];
  /** Lower-case nouns that may follow a name and belong to it: "the ABM treaty", "the APEC forum". */
  trailingNouns?: readonly string[];
}

export const NAME_PATTERNS: readonly NamePattern[] = [
  {
    type: 'Treaty',
    lastWords: ['treaty', 'accord', 'accords', 'pact', 'convention', 'protocol', 'charter', 'agreement'],
    firstWordsBeforeOf: ['treaty', 'convention', 'protocol', 'charter'],
    trailingNouns: ['treaty', 'accord', 'accords', 'pact', 'protocol', 'convention', 'agreement'],
  },
  {
    type: 'Event',
    lastWords: [
      'summit', 'forum', 'conference', 'games', 'olympics', 'olympiad', 'festival', 'expo', 'war', 'revolution',
      'attacks', 'attack', 'crisis', 'election', 'elections', 'championship', 'championships', 'marathon',
      'grand prix', 'tournament', 'cup', 'open', 'massacre', 'bombing', 'uprising', 'talks',
    ],
    firstWordsBeforeOf: ['battle', 'siege', 'summit', 'conference', 'congress of vienna'],
    trailingNouns: ['forum', 'summit', 'conference', 'meeting', 'attacks', 'attack', 'war', 'games', 'talks', 'crisis', 'bombing', 'bombings'],
  },
  {
    type: 'Organization',
    lastWords: [
      'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'company', 'ltd', 'ltd.', 'limited', 'plc', 'llc',
      'ag', 'sa', 'nv', 'gmbh', 'spa', 'bhd', 'group', 'holdings', 'bank', 'bancorp', 'airlines', 'airways', 'motors',
      'industries', 'systems', 'technologies', 'communications', 'partners', 'securities', 'capital', 'investments',
      'party', 'council', 'association', 'federation', 'union', 'league', 'committee', 'commission', 'ministry',
      'department', 'agency', 'bureau', 'institute', 'university', 'college', 'school', 'academy', 'foundation',
      'fund', 'trust', 'society', 'church', 'club', 'court', 'parliament', 'congress', 'senate', 'assembly',
      'army', 'navy', 'police', 'exchange', 'board', 'times', 'post', 'journal', 'news', 'press', 'herald',
      'telegraph', 'gazette', 'organisation', 'organization', 'network', 'television', 'tv', 'radio', 'reserve',
      'front', 'movement', 'brigade', 'command', 'authority', 'cabinet', 'office', 'service', 'services',
      'united', 'rovers', 'athletic', 'wanderers', 'fc', 'city', 'hospital', 'museum', 'studios',
      'records', 'pictures', 'labs', 'laboratories', 'pharmaceuticals', 'energy', 'petroleum', 'oil', 'steel',
      'electric', 'telecom', 'insurance', 'financial', 'stores', 'brothers', 'bros', 'bros.',
      'confederation', 'administration', 'patrol', 'government', 'plastics', 'aviation', 'prison', 'hotel',
      'motel', 'fleet', 'center', 'firm', 'guard', 'duma', 'alliance', 'depository', 'theatre', 'theater',
    ],
    firstWordsBeforeOf: [
      'bank', 'university', 'ministry', 'department', 'bureau', 'church', 'house', 'board', 'federation',
      'association', 'organisation', 'organization', 'council', 'court', 'union', 'league', 'institute',
      'museum', 'college', 'school', 'academy', 'chamber', 'commission', 'office', 'party', 'society',
    ],
  },
  {
    type: 'Place',
    lastWords: [
      'county', 'sea', 'airport', 'harbor', 'harbour', 'dam', 'seashore', 'shipyard', 'isle', 'township', 'lake',
      'river', 'bay', 'island', 'islands', 'mountains', 'valley', 'canyon', 'peninsula', 'strait', 'heights',
      'springs', 'beach', 'base', 'square', 'street', 'centre',
    ],
  },
];

/**
 * Words that may stand inside a name between two capitalised words ("Bank of England", "Trinidad and
 * Tobago", "Ludwig van Beethoven"), only when the name's first word allows it (see `firstWordsBeforeOf`).
 */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'on', 'for', 'and', '&', 'the', 'de', 'del', 'la', 'van', 'von', 'der', 'da', 'di', 'du', 'le', 'bin', 'al', 'el']);

/** Particles of personal names, which may join a name whatever its first word is. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'del', 'la', 'van', 'von', 'der', 'da', 'di', 'du', 'le', 'bin', 'al', 'el', 'dos', 'das', 'ter', 'ten']);

/**
 * Nouns that make a date the name of an event: "the September 11 attacks", "the July 7 bombings".
 * A month, a day, at most one lower-case modifier ("terrorist"), then one of these.
 */
export const DATED_EVENT_NOUNS: ReadonlySet<string> = new Set([
  'attack', 'attacks', 'bombing', 'bombings', 'blast', 'blasts', 'explosion', 'explosions', 'massacre', 'shooting',
  'shootings', 'killings', 'riots', 'uprising', 'coup', 'raid', 'raids', 'hijackings', 'atrocities', 'disaster',
]);

/**
 * Last words of company names that may hold a possessive ("McDonald's Corp", "Moody's Investors
 * Service"); after any other possessive a name ends ("Reagan's Council of Economic Advisors").
 */
export const POSSESSIVE_NAME_ENDINGS: ReadonlySet<string> = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'company', 'ltd', 'ltd.', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv',
  'gmbh', 'group', 'holdings', 'service', 'services', 'stores', 'restaurants', 'university', 'college', 'hospital', 'church', 'cathedral',
]);
