import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFrames } from '../../../src/pipeline/relations/frames.js';
import { compilePath } from '../../../src/pipeline/relations/tree.js';
import { relationsOfTree } from './helpers.js';

const FRAME_FILE = JSON.parse(readFileSync(new URL('../../../data/frames.json', import.meta.url), 'utf8'));

/** The frame file with one edit, to check that compiling it fails loudly. */
function withEdit(edit: (file: typeof FRAME_FILE) => void): typeof FRAME_FILE {
  const copy = structuredClone(FRAME_FILE);
  edit(copy);
  return copy;
}

describe('compiling frames', () => {
  it('compiles the shipped table', () => {
    const table = compileFrames(FRAME_FILE);
    expect(table.frames.map((f) => f.spec.name)).toContain('meet');
    // Inflected forms come from the conjugator, not from a hand list.
    expect(table.forms.get('met')).toEqual(['meet']);
    expect(table.forms.get('withdrew')).toEqual(['withdraw']);
    expect(table.forms.get('summits')).toEqual(['summit']);
  });

  it.each([
    ['a dependency label', (f: typeof FRAME_FILE) => (f.frames[0].roles.party.paths[0] = '@nsubjj'), /nsubjj.*not a UD relation/],
    ['an entity type', (f: typeof FRAME_FILE) => (f.frames[0].roles.party.types[0] = 'Persn'), /unknown entity type "Persn"/],
    ['a relation', (f: typeof FRAME_FILE) => (f.frames[0].states[0].relation = 'MET_WIHT'), /unknown relation "MET_WIHT"/],
    ['a role', (f: typeof FRAME_FILE) => (f.frames[0].roles.partner = f.frames[0].roles.party), /unknown role "partner"/],
    ['a role a relation needs', (f: typeof FRAME_FILE) => (f.frames[0].states[0].target = 'target'), /does not fill/],
    ['a modality list', (f: typeof FRAME_FILE) => (f.modality.negator = f.modality.negators), /unknown list "negator"/],
  ])('fails loudly on a typo in %s', (_what, edit, message) => {
    expect(() => compileFrames(withEdit(edit))).toThrow(message);
  });

  it('wants an example and a near miss for every frame', () => {
    expect(() => compileFrames(withEdit((f) => delete f.frames[1].nearMiss))).toThrow(/near miss/);
  });

  it('reads path steps: labels, markers, steps up, inherited arguments', () => {
    expect(compilePath('@obl[with|at]').steps).toEqual([{ kind: 'child', label: 'obl', inherited: true, markers: new Set(['with', 'at']) }]);
    expect(compilePath('^obj nsubj').steps).toEqual([
      { kind: 'head', label: 'obj' },
      { kind: 'child', label: 'nsubj', inherited: false },
    ]);
    expect(() => compilePath('^obj[of]')).toThrow(/no markers/);
  });
});

describe('frames on dependency trees', () => {
  it('subject, object, obl with its preposition, and a date against the story date', () => {
    const found = relationsOfTree(
      'Reagan met Gorbachev in Geneva last October.',
      'Reagan/PROPN/2/nsubj met/VERB/0/root/meet Gorbachev/PROPN/2/obj in/ADP/5/case Geneva/PROPN/2/obl last/ADJ/7/amod October/PROPN/2/obl:unmarked ./PUNCT/2/punct',
      { date: '02-MAR-1987 10:00:00.00' },
    );
    expect(found).toEqual(expect.arrayContaining(['MET_WITH Reagan → Gorbachev @1986-10', 'MET_AT Reagan → Geneva @1986-10', 'MET_AT Gorbachev → Geneva @1986-10']));
  });

  it('a possessor and a "with" phrase on a noun trigger', () => {
    const found = relationsOfTree(
      "Shultz's talks with Shevardnadze ended.",
      "Shultz/PROPN/3/nmod:poss 's/PART/1/case talks/NOUN/6/nsubj/talk with/ADP/5/case Shevardnadze/PROPN/3/nmod ended/VERB/0/root ./PUNCT/6/punct",
    );
    expect(found).toContain('MET_WITH Shultz → Shevardnadze');
  });

  it('a light verb carries the noun: "held talks with"', () => {
    const found = relationsOfTree(
      'Reagan held talks with Nakasone in Washington.',
      'Reagan/PROPN/2/nsubj held/VERB/0/root/hold talks/NOUN/2/obj/talk with/ADP/5/case Nakasone/PROPN/3/nmod in/ADP/7/case Washington/PROPN/2/obl ./PUNCT/2/punct',
    );
    expect(found).toEqual(expect.arrayContaining(['MET_WITH Reagan → Nakasone', 'MET_AT Reagan → Washington']));
  });

  it('control and a planned meeting: "plan to hold talks" is PLANS_SUMMIT, not a meeting', () => {
    const found = relationsOfTree(
      'Reagan and Gorbachev plan to hold talks in Geneva.',
      'Reagan/PROPN/4/nsubj and/CCONJ/3/cc Gorbachev/PROPN/1/conj plan/VERB/0/root to/PART/6/mark hold/VERB/4/xcomp talks/NOUN/6/obj/talk in/ADP/9/case Geneva/PROPN/6/obl ./PUNCT/4/punct',
    );
    expect(found).toEqual(['PLANS_SUMMIT Reagan → Gorbachev']);
  });

  it('negation states no meeting', () => {
    const found = relationsOfTree(
      'Reagan did not meet Gorbachev.',
      'Reagan/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod meet/VERB/0/root Gorbachev/PROPN/4/obj ./PUNCT/4/punct',
    );
    expect(found.filter((r) => r.startsWith('MET_'))).toEqual([]);
  });

  it('a cancelled summit states no meeting', () => {
    const found = relationsOfTree(
      'Reagan cancelled his summit with Gorbachev.',
      'Reagan/PROPN/2/nsubj cancelled/VERB/0/root/cancel his/PRON/4/nmod:poss summit/NOUN/2/obj with/ADP/6/case Gorbachev/PROPN/4/nmod ./PUNCT/2/punct',
    );
    expect(found.filter((r) => r.startsWith('MET_') || r.startsWith('PLANS_'))).toEqual([]);
  });

  it('the passive agent: "was attended by"', () => {
    const found = relationsOfTree(
      'The Venice Summit was attended by Nakasone.',
      'The/DET/3/det Venice/PROPN/3/compound Summit/PROPN/5/nsubj:pass was/AUX/5/aux:pass attended/VERB/0/root/attend by/ADP/7/case Nakasone/PROPN/5/obl:agent ./PUNCT/5/punct',
    );
    expect(found).toContain('ATTENDED Nakasone → Venice Summit');
  });

  it('a party noun stands for the countries it belongs to: "the presidents of Brazil, Chile and Peru"', () => {
    const found = relationsOfTree(
      'The presidents of Brazil, Chile and Peru met in Lima.',
      'The/DET/2/det presidents/NOUN/9/nsubj/president of/ADP/4/case Brazil/PROPN/2/nmod ,/PUNCT/6/punct Chile/PROPN/4/conj and/CCONJ/8/cc Peru/PROPN/4/conj met/VERB/0/root/meet in/ADP/11/case Lima/PROPN/9/obl ./PUNCT/9/punct',
    );
    expect(found).toEqual(expect.arrayContaining(['MET_WITH Brazil → Chile', 'MET_WITH Brazil → Peru', 'MET_WITH Chile → Peru']));
  });

  it('a relative pronoun stands for its antecedent, and a reduced clause shares the subject', () => {
    const found = relationsOfTree(
      'Nigel Lawson, who met Funaro yesterday, agreed.',
      'Nigel/PROPN/9/nsubj Lawson/PROPN/1/flat ,/PUNCT/5/punct who/PRON/5/nsubj met/VERB/1/acl:relcl/meet Funaro/PROPN/5/obj yesterday/NOUN/5/obl:unmarked ,/PUNCT/5/punct agreed/VERB/0/root ./PUNCT/9/punct',
      { date: '1987-03-02' },
    );
    expect(found).toContain('MET_WITH Nigel Lawson → Funaro @1987-03-01');
  });

  it('a meeting needs parties that can meet: "Wayne Rooney met Gary Neville\'s cross"', () => {
    const found = relationsOfTree(
      "Wayne Rooney met Gary Neville's cross.",
      "Wayne/PROPN/3/nsubj Rooney/PROPN/1/flat met/VERB/0/root/meet Gary/PROPN/7/nmod:poss Neville/PROPN/4/flat 's/PART/4/case cross/NOUN/3/obj ./PUNCT/3/punct",
    );
    expect(found.filter((r) => r.startsWith('MET_'))).toEqual([]);
  });

  it('the body in a title is no party beside its holder, even where the parse makes it a conjunct: "Baker and Bundesbank President Karl Poehl met"', () => {
    const found = relationsOfTree(
      'James Baker and Bundesbank President Karl Poehl met on Monday.',
      'James/PROPN/8/nsubj Baker/PROPN/1/flat and/CCONJ/4/cc Bundesbank/PROPN/1/conj President/PROPN/6/nmod:desc Karl/PROPN/1/conj Poehl/PROPN/6/flat met/VERB/0/root/meet on/ADP/10/case Monday/PROPN/8/obl ./PUNCT/8/punct',
    );
    expect(found).toContain('MET_WITH James Baker → Karl Poehl @Monday');
    expect(found.filter((r) => r.startsWith('MET_WITH') && r.includes('Bundesbank'))).toEqual([]);
  });
});

describe('offices on dependency trees', () => {
  it('a title noun beside the name, owned by a demonym: "Russian energy minister Ivan Petrov"', () => {
    const found = relationsOfTree(
      'Russian energy minister Ivan Petrov spoke.',
      'Russian/ADJ/3/amod energy/NOUN/3/compound minister/NOUN/4/compound Ivan/PROPN/6/nsubj Petrov/PROPN/4/flat spoke/VERB/0/root/speak ./PUNCT/6/punct',
    );
    expect(found).toContain('WORKS_FOR Ivan Petrov → Russia');
  });

  it('a title in apposition, owned through "of": "Kenji Mori, director of MITI"', () => {
    const found = relationsOfTree(
      'Kenji Mori, director of MITI, denied it.',
      'Kenji/PROPN/8/nsubj Mori/PROPN/1/flat ,/PUNCT/4/punct director/NOUN/1/appos of/ADP/6/case MITI/PROPN/4/nmod ,/PUNCT/4/punct denied/VERB/0/root/deny it/PRON/8/obj ./PUNCT/8/punct',
    );
    expect(found).toContain('WORKS_FOR Kenji Mori → MITI');
  });
});
