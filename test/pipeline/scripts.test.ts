import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { entityId, slug } from '../../src/pipeline/slug.js';
import type { GraphJson } from '../../src/types.js';
import { entity } from './helpers.js';

async function graphOf(text: string): Promise<GraphJson> {
  return (await extract([{ id: 'doc', text, source: 'test' }], { workers: 1 })).json;
}

describe('entity ids in every script', () => {
  it('transliterates alphabets that map letter by letter', () => {
    expect(entityId('Person', 'Søren Ørsted')).toBe('person:soren-orsted');
    expect(entityId('Person', 'Владимир Путин')).toBe('person:vladimir-putin');
    expect(entityId('Person', 'Αλέξης Τσίπρας')).toBe('person:alexis-tsipras');
    expect(entityId('Place', 'Łódź')).toBe('place:lodz');
    expect(entityId('Organization', 'AT&T')).toBe('organization:at-and-t');
  });

  it('keeps the own letters of scripts that transliterate with loss, and hashes names without letters', () => {
    expect(slug('习近平')).toBe('习近平');
    expect(slug('محمد بن سلمان')).toBe('محمد-بن-سلمان');
    expect(slug('דוד בן-גוריון')).toBe('דוד-בן-גוריון');
    expect(slug('नरेंद्र मोदी')).toBe('नरेंद्र-मोदी');
    expect(slug('🙂🙂')).toMatch(/^x[0-9a-f]{12}$/);
    expect(slug('🙂🙂')).toBe(slug('🙂🙂'));
    expect(slug('🙂🙂')).not.toBe(slug('🙃'));
  });

  it('gives different names different ids, never an empty or placeholder one', () => {
    const names = ['习近平', '习近', '金正恩', 'محمد', 'محمود', '!!!', '???', '🙂', 'ไทย', 'ไท', 'Ελλάδα', 'Россия', 'A'];
    const slugs = names.map(slug);
    expect(new Set(slugs).size).toBe(names.length);
    for (const value of slugs) expect(value).toMatch(/^[^-]\S*$/u);
  });
});

describe('names in non-Latin scripts', () => {
  it('keeps Putin, Lavrov, Tsipras and Moscow apart (Cyrillic and Greek)', async () => {
    const graph = await graphOf('Владимир Путин встретился в Москве с министром. Сергей Лавров и Αλέξης Τσίπρας были в Москве.');
    const found = [
      entity(graph, 'Person', 'Владимир Путин'),
      entity(graph, 'Person', 'Сергей Лавров'),
      entity(graph, 'Person', 'Αλέξης Τσίπρας'),
      entity(graph, 'Place', 'Москве'),
    ];
    expect(new Set(found.map((e) => e.id)).size).toBe(4);
    expect(found.map((e) => e.id)).toEqual(['person:vladimir-putin', 'person:sergey-lavrov', 'person:alexis-tsipras', 'place:moskve']);
    for (const e of found) expect(e.aliases).toEqual([]);
  });

  it('meets the Latin spelling of the same person, and reads countries by their native names', async () => {
    const graph = await graphOf('Владимир Путин прибыл. Russian President Vladimir Putin arrived. Россия и Ελλάδα.');
    expect(entity(graph, 'Person', 'Vladimir Putin').id).toBe('person:vladimir-putin');
    expect(entity(graph, 'Country', 'Russia').aliases).toContain('Россия');
    expect(entity(graph, 'Country', 'Greece').aliases).toContain('Ελλάδα');
  });

  it('in eight scripts: every name found has its own non-empty id, and no two names are merged', async () => {
    const text = [
      'Søren Ørsted met Ólafur Ragnar Grímsson in Reykjavik.',
      'Владимир Путин и Сергей Лавров.',
      'Αλέξης Τσίπρας και Γιάνης Βαρουφάκης.',
      'Նիկոլ Փաշինյան and Սերժ Սարգսյան.',
      'محمد بن سلمان التقى عبد الله الثاني.',
      'בנימין נתניהו פגש את יצחק הרצוג.',
      '习近平会见了李克强。',
      'नरेंद्र मोदी ने अमित शाह से मुलाकात की।',
    ].join('\n\n');
    const graph = await graphOf(text);
    const ids = graph.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of graph.entities) {
      expect(e.id).toMatch(/^[a-z]+:[^-\s:][^\s:]*$/u);
      expect(e.id).not.toMatch(/unnamed/);
      // A merge of different names would show as an alias in another script or another spelling.
      for (const alias of e.aliases) expect(slug(alias) === slug(e.name) || e.name.includes(alias) || alias.includes(e.name.split(' ').at(-1)!)).toBe(true);
    }
    for (const name of ['Søren Ørsted', 'Ólafur Ragnar Grímsson', 'Владимир Путин', 'Сергей Лавров', 'Αλέξης Τσίπρας', 'Γιάνης Βαρουφάκης', 'Նիկոլ Փաշինյան', 'Սերժ Սարգսյան']) {
      expect(graph.entities.filter((e) => e.name === name), name).toHaveLength(1);
    }
    expect(entity(graph, 'Person', 'Søren Ørsted').id).toBe('person:soren-orsted');
  });
});
