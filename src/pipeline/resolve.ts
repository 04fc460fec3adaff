import type { Entity, EntityType, Mention } from '../types.js';
import type { AnalyzedText } from './analyze.js';
import { getCorefLists } from './coreference.js';
import { type Gazetteer, nameKey } from './entities/gazetteer.js';
import { isAcronym } from './entities/shapes.js';
import { entityId } from './slug.js';

export interface Resolved {
  entities: Entity[];
  /** Every mention of the document, names and role phrases. */
  mentions: Mention[];
  /** mentions[i] stands for entities[k] for each k in referents[i]: one for a name, several for "the two leaders". */
  referents: number[][];
}

/** Types an acronym of a name may stand for, whatever type the acronym alone was given. */
const EXPANDABLE: ReadonlySet<EntityType> = new Set(['Organization', 'Treaty', 'Event']);
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', '&', 'in']);

/**
 * Within one document, group mentions into entities: one per canonical name; a surname joins the
 * full name it belongs to ("Obama" → "Barack Obama"); an acronym joins its expansion ("the NPT
 * treaty" → "Non-Proliferation Treaty"); role phrases point at the people they stand for.
 */
export function resolve(documentId: string, analyzed: AnalyzedText, found: Mention[], gazetteer: Gazetteer): Resolved {
  const mentions = splitRunTogetherNames(found, gazetteer);
  const names = mentions.map((m, i) => ({ mention: m, index: i })).filter(({ mention }) => !mention.role);
  const clusterOf = new Map<number, number>();
  const clusters: Cluster[] = [];
  const byKey = new Map<string, number>();

  // Longest names first, so shorter forms find the full name they belong to.
  const ordered = [...names].sort((a, b) => b.mention.text.length - a.mention.text.length || a.index - b.index);
  const surnames = new SurnameEvidence(analyzed, mentions);
  for (const { mention, index } of ordered) {
    const key = `${mention.type}|${mention.type === 'Treaty' ? treatyKey(mention.canonical ?? mention.text) : nameKey(mention.canonical ?? mention.text)}`;
    // A surname is judged mention by mention: "Mrs. Reagan" and "President Reagan" may be two people.
    const fullName = surnames.fullNameOf(index, clusters);
    let cluster = fullName === undefined ? (byKey.get(key) ?? findLongerForm(mention, clusters, mentions)) : (fullName ?? byKey.get(key));
    if (cluster === undefined) {
      cluster = clusters.length;
      clusters.push({ type: mention.type, members: [], key });
    }
    if (fullName === undefined || clusters[cluster]!.key === key) byKey.set(key, cluster);
    clusters[cluster]!.members.push(index);
    clusterOf.set(index, cluster);
  }

  const entities: Entity[] = [];
  const entityOfCluster = new Map<number, number>();
  const ids = new Map<string, number>();
  clusters.forEach((cluster, c) => {
    const members = cluster.members.sort((a, b) => a - b).map((i) => mentions[i]!);
    const name = fullestName(members);
    const id = entityId(cluster.type, name);
    const existing = ids.get(id);
    if (existing !== undefined) {
      entityOfCluster.set(c, existing);
      addMentions(entities[existing]!, members, documentId);
      return;
    }
    const entity: Entity = { id, type: cluster.type, name, aliases: [], mentions: [] };
    addMentions(entity, members, documentId);
    ids.set(id, entities.length);
    entityOfCluster.set(c, entities.length);
    entities.push(entity);
  });

  const referents = mentions.map((mention, i) => {
    const cluster = clusterOf.get(i);
    if (cluster !== undefined) return [entityOfCluster.get(cluster)!];
    return roleReferents(mention, i, mentions, (j) => {
      const c = clusterOf.get(j);
      return c === undefined ? undefined : entityOfCluster.get(c);
    });
  });
  return { entities, mentions, referents };
}

/** "the Louvre accord", "the Louvre accords", "the Louvre agreement" and "the Louvre pact" are one treaty in a story. */
function treatyKey(name: string): string {
  return nameKey(name).replace(/ (accords?|agreements?|pacts?)$/, ' accord');
}

function addMentions(entity: Entity, members: Mention[], documentId: string): void {
  for (const member of members) {
    const surface = member.text;
    if (surface !== entity.name && !entity.aliases.includes(surface)) entity.aliases.push(surface);
    entity.mentions.push({ document: documentId, start: member.start, end: member.end, text: surface });
  }
}

/** The gazetteer's canonical name when there is one, else the longest form seen. */
function fullestName(members: Mention[]): string {
  const canonical = members.find((m) => m.canonical)?.canonical;
  if (canonical) return canonical;
  const tidy = (text: string): string => text.replace(/\s+/g, ' ');
  return members.map((m) => tidy(m.text)).reduce((best, text) => (text.length > best.length ? text : best));
}

/** A surname or an acronym that belongs to a longer name already clustered. */
function findLongerForm(mention: Mention, clusters: { type: EntityType; members: number[] }[], mentions: Mention[]): number | undefined {
  const words = mention.text.split(/\s+/);
  for (let c = 0; c < clusters.length; c++) {
    const cluster = clusters[c]!;
    const longest = mentions[cluster.members[0]!]!;
    if (longest.text.length <= mention.text.length) continue;
    if (mention.type === 'Person' && cluster.type === 'Person') {
      const parts = longest.text.split(/\s+/);
      const tail = parts.slice(parts.length - words.length).join(' ');
      if (tail === mention.text || (words.length === 1 && parts[0] === mention.text && parts.length === 2)) return c;
    }
    // "the ICO talks" are an event of the ICO, not the ICO: an event or treaty joins only its own kind.
    const kindFits = mention.type === 'Event' || mention.type === 'Treaty' ? cluster.type === mention.type : EXPANDABLE.has(mention.type) || mention.type === 'Country';
    if (EXPANDABLE.has(cluster.type) && kindFits && isAcronymOf(mention.text, longest.text)) {
      return c;
    }
  }
  return undefined;
}

/**
 * "NPT treaty" ↔ "Non-Proliferation Treaty", "OPEC" ↔ "Organization of Petroleum Exporting Countries":
 * the capitals of the short form are the initials of the long one, its trailing common noun aside.
 */
export function isAcronymOf(short: string, long: string): boolean {
  const [acronym, ...rest] = short.split(/\s+/);
  if (!acronym || !isAcronym(acronym)) return false;
  const letters = acronym.replace(/[.&-]/g, '');
  const longWords = significantWords(long);
  if (longWords.length < 2) return false;
  const head = rest.join(' ').toLowerCase();
  const initials = longWords.map((w) => w[0]!.toUpperCase()).join('');
  // Words after the acronym may only be a common noun ("the APEC forum"), not another name ("HRH Duchess").
  if (rest.some((word) => !/^\p{Ll}/u.test(word))) return false;
  if (initials === letters) return true;
  // The long form's last word is a common noun the short form may repeat or drop ("treaty", "forum").
  const lastWord = longWords[longWords.length - 1]!.toLowerCase();
  return initials.slice(0, -1) === letters && (head === '' || head === lastWord);
}

/** The words of a name that give an acronym its letters: "Non-Proliferation Treaty" → Non, Proliferation, Treaty. */
export function significantWords(name: string): string[] {
  return name.split(/[\s-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
}

/** "the Russian leader" → whoever the document titled as Russia's; "the two leaders" → the last two titled people. */
function roleReferents(mention: Mention, index: number, mentions: Mention[], entityOf: (i: number) => number | undefined): number[] {
  const titled = mentions
    .map((m, i) => ({ m, i }))
    .filter(({ m, i }) => m.title?.relation === 'LEADER_OF' && entityOf(i) !== undefined);
  if (mention.role?.of) {
    const match = titled.find(({ m }) => m.title?.of !== undefined && titleOwner(mentions[m.title.of]) === mention.role!.of);
    return match ? [entityOf(match.i)!] : [];
  }
  if (mention.role?.count) {
    const before = titled.filter(({ i }) => i < index || mentions[i]!.start < mention.start);
    const people = [...new Set(before.map(({ i }) => entityOf(i)!))];
    return people.length >= mention.role.count ? people.slice(-mention.role.count) : [];
  }
  return [];
}

const titleOwner = (mention: Mention | undefined): string | undefined => mention && (mention.canonical ?? mention.text);

/**
 * "told the Senate Reagan's decision was overdue": two names run together. A "person" whose
 * first word is a common English word (no first name) and whose last word the document uses as a
 * person's name on its own is that person; the first word stays a name only where the gazetteer
 * knows it ("Senate").
 */
function splitRunTogetherNames(mentions: Mention[], gazetteer: Gazetteer): Mention[] {
  const alone = new Set(mentions.filter((m) => m.type === 'Person' && !m.role && !/\s/.test(m.text)).map((m) => m.text));
  const heads: Mention[] = [];
  // Split in place and add the heads at the end, so the indices titles point at stay right.
  const split = mentions.map((mention) => {
    const words = mention.text.split(/\s+/);
    if (mention.type !== 'Person' || mention.role || mention.title || words.length !== 2 || !alone.has(words[1]!)) return mention;
    const first = nameKey(words[0]!);
    if (!gazetteer.words.has(first) || gazetteer.firstNames.has(first)) return mention;
    const surname: Mention = { ...mention, text: words[1]!, start: mention.end - words[1]!.length };
    delete surname.canonical;
    const known = gazetteer.names.get(first);
    if (known && known.type !== 'Person') {
      const head: Mention = { text: words[0]!, type: known.type, start: mention.start, end: mention.start + words[0]!.length, sentence: mention.sentence };
      if (known.canonical !== head.text) head.canonical = known.canonical;
      heads.push(head);
    }
    return surname;
  });
  return [...split, ...heads];
}

type Gender = 'male' | 'female';
interface Cluster {
  type: EntityType;
  members: number[];
  key: string;
}

/**
 * Whether a one-word person name ("Reagan") is the surname of a full name of the document
 * ("Ronald Reagan", "Nancy Reagan"), and of which. It joins one only when nothing in the document
 * contradicts it: a title of the other gender ("Mrs. Reagan" is not Ronald), a pairing with that
 * full name ("Reagan and Nancy Reagan"), an office title that came first and that the full name
 * never carries ("President Reagan … Nancy Reagan"). Of several full names left, the closest
 * before it wins (else the first after it).
 */
class SurnameEvidence {
  /** "surname|cluster key of the full name" pairs seen side by side: "Reagan and Nancy Reagan". */
  private readonly paired = new Set<string>();

  constructor(
    analyzed: AnalyzedText,
    private readonly mentions: Mention[],
  ) {
    const people = mentions.filter((m) => m.type === 'Person' && !m.role);
    for (let i = 0; i + 1 < people.length; i++) {
      const [a, b] = [people[i]!, people[i + 1]!];
      if (a.sentence !== b.sentence || !/^\s*(,|and|or|,\s*and)\s*$/.test(analyzed.text.slice(a.end, b.start))) continue;
      for (const [short, long] of [[a, b], [b, a]] as const) {
        if (!/\s/.test(short.text) && long.text.split(/\s+/).at(-1) === short.text) this.paired.add(`${short.text}|${nameKey(long.text)}`);
      }
    }
  }

  /** The full name's cluster; null when every full name is contradicted; undefined when none could apply. */
  fullNameOf(index: number, clusters: Cluster[]): number | null | undefined {
    const mention = this.mentions[index]!;
    if (mention.type !== 'Person' || mention.role || /\s/.test(mention.text)) return undefined;
    const candidates = clusters
      .map((cluster, c) => ({ cluster, c, longest: this.mentions[cluster.members[0]!]! }))
      .filter(({ cluster, longest }) => cluster.type === 'Person' && /\s/.test(longest.text) && longest.text.split(/\s+/).at(-1) === mention.text);
    if (candidates.length === 0) return undefined;
    const gender = this.titleGender(mention);
    const fitting = candidates.filter(({ cluster, longest }) => {
      const members = cluster.members.map((i) => this.mentions[i]!);
      const theirs = this.clusterGender(members);
      if (gender && theirs && gender !== theirs) return false;
      if (!gender && this.paired.has(`${mention.text}|${nameKey(longest.text)}`)) return false;
      const office = mention.title?.relation ? nameKey(mention.title.name) : undefined;
      if (office && !members.some((m) => m.title && nameKey(m.title.name) === office)) {
        const firstTitled = this.mentions.find((m) => m.type === 'Person' && m.text === mention.text && m.title && nameKey(m.title.name) === office)!;
        if (members.every((m) => m.start > firstTitled.start)) return false;
      }
      return true;
    });
    if (fitting.length === 0) return null;
    const distance = ({ cluster }: { cluster: Cluster }): number => {
      const starts = cluster.members.map((i) => this.mentions[i]!.start);
      const before = starts.filter((start) => start < mention.start);
      return before.length > 0 ? mention.start - Math.max(...before) : Number.MAX_SAFE_INTEGER / 2 + Math.min(...starts);
    };
    return fitting.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best)).c;
  }

  private titleGender(mention: Mention): Gender | undefined {
    if (!mention.title) return undefined;
    const title = nameKey(mention.title.name);
    return getCorefLists().genderedTitles.get(title) ?? getCorefLists().genderedTitles.get(title.split(' ').at(-1)!);
  }

  /** From the titles ("Mrs.", "King") or the first name ("Nancy") of a full name's mentions. */
  private clusterGender(members: Mention[]): Gender | undefined {
    const lists = getCorefLists();
    for (const member of members) {
      const gender = this.titleGender(member);
      if (gender) return gender;
    }
    const first = nameKey(members[0]!.text.split(/\s+/)[0]!);
    return lists.maleNames.has(first) ? 'male' : lists.femaleNames.has(first) ? 'female' : undefined;
  }
}
