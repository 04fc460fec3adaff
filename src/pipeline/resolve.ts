import type { Entity, EntityType, Mention } from '../types.js';
import type { AnalyzedText } from './analyze.js';
import { nameKey } from './entities/gazetteer.js';
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
export function resolve(documentId: string, _analyzed: AnalyzedText, mentions: Mention[]): Resolved {
  const names = mentions.map((m, i) => ({ mention: m, index: i })).filter(({ mention }) => !mention.role);
  const clusterOf = new Map<number, number>();
  const clusters: { type: EntityType; members: number[]; key: string }[] = [];
  const byKey = new Map<string, number>();

  // Longest names first, so shorter forms find the full name they belong to.
  const ordered = [...names].sort((a, b) => b.mention.text.length - a.mention.text.length || a.index - b.index);
  for (const { mention, index } of ordered) {
    const key = `${mention.type}|${nameKey(mention.canonical ?? mention.text)}`;
    let cluster = byKey.get(key) ?? findLongerForm(mention, clusters, mentions);
    if (cluster === undefined) {
      cluster = clusters.length;
      clusters.push({ type: mention.type, members: [], key });
    }
    byKey.set(key, cluster);
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
    if (EXPANDABLE.has(cluster.type) && (EXPANDABLE.has(mention.type) || mention.type === 'Country') && isAcronymOf(mention.text, longest.text)) {
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
  if (!acronym || !/^[\p{Lu}.&-]{2,}$/u.test(acronym)) return false;
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
