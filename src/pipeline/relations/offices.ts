import type { SyntaxToken } from '../../syntax/types.js';
import type { EntityType, RelationType } from '../../types.js';
import { type Gazetteer, nameKey } from '../entities/gazetteer.js';
import { nameOnTitle, type EntityView, type FrameFact } from './events.js';
import type { FrameTable } from './frames.js';
import type { Tree } from './tree.js';

/**
 * Offices read on the tree: a person's name with a title noun beside it ("Russian energy minister
 * Ivan Petrov", "Kenji Mori, director of MITI's electronics division", "Smith is
 * chairman of Acme"), and the country or body the title belongs to (its modifier, possessor or
 * "of" phrase). Heads of state and bodies are LEADER_OF, everyone else WORKS_FOR, with the title.
 */
export function readOffices(tree: Tree, table: FrameTable, entities: EntityView, gazetteer: Gazetteer): FrameFact[] {
  const facts: FrameFact[] = [];
  for (const token of tree.tokens) {
    const people = entities.at(token).filter((e) => entities.type(e) === 'Person');
    if (people.length === 0) continue;
    const head = tree.head(token);
    if (head && entities.at(head).some((e) => people.includes(e))) continue; // not the head of the name
    const name = nameTokens(tree, token, people, entities);
    for (const title of titlesOf(tree, name, entities)) {
      const relation = officeRelation(tree, title, table, gazetteer);
      if (!relation) continue;
      for (const owner of ownersOf(tree, title, entities, name)) {
        for (const person of people) {
          facts.push({ type: relation.type, source: person, target: owner, properties: { title: relation.title }, confidence: 0.75 });
        }
      }
    }
  }
  return facts;
}

/** What an office belongs to: a country or a body. */
export const OFFICE_OWNERS: ReadonlySet<EntityType> = new Set(['Country', 'Organization']);

/** How a title attaches to a name: "minister Ivan Petrov" (compound, or nmod:desc in newer UD), "Petrov, the minister" (appos), a tagger's "premier(ADJ) Erdogan" (amod). */
const TITLE_LINKS = new Set(['compound', 'appos', 'nmod:desc', 'amod']);

/** What a title word may be tagged: a noun, or an adjective ("premier(ADJ) Erdogan"). */
const TITLE_WORDS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** The tokens of a person's name: its head and the words below it that are part of it (a parser may hang a title on a first name). */
function nameTokens(tree: Tree, head: SyntaxToken, people: number[], entities: EntityView): SyntaxToken[] {
  const tokens = [head];
  for (let i = 0; i < tokens.length; i++) tokens.push(...tree.children(tokens[i]!).filter((c) => entities.at(c).some((e) => people.includes(e))));
  return tokens;
}

/**
 * Title nouns of a name: beside it ("minister Ivan Petrov", "Mori, director of"), above it with no
 * preposition between ("Ambassador(head) to Athens Nazmi Akiman(nmod)", a parser's reading of a title
 * before a name), or the name is the subject of a copula ("Smith is chairman").
 */
function titlesOf(tree: Tree, name: SyntaxToken[], entities: EntityView): SyntaxToken[] {
  const found = name.flatMap((token) => tree.children(token).filter((c) => TITLE_LINKS.has(c.deprel) && entities.named(c).length === 0));
  const [top] = name;
  const head = tree.head(top!);
  // The title word right before a name is its title even where a parser made the two siblings
  // ("governor(nsubj) Maria Silva(nsubj) spoke").
  const before = tree.tokens[Math.min(...name.map((t) => t.id)) - 2];
  if (before && !found.includes(before) && TITLE_WORDS.has(before.upos) && entities.named(before).length === 0 && before.head === top!.head && before.deprel === top!.deprel) found.push(before);
  // A name takes the title beside it before one above it ("chairman … and minister Mani Aiyar(nmod of chairman)").
  if (found.length > 0) return found;
  // Not a title that belongs to another name ("Gazprom chairman(appos of Raha) … Aiyar(nmod)").
  const headOwner = head && tree.head(head);
  const titlesOther = head !== undefined && ['appos', 'nmod:desc', 'compound', 'amod'].includes(head.deprel) && headOwner !== undefined && entities.at(headOwner).some((e) => entities.type(e) === 'Person');
  const untitledNmod = nameOnTitle(tree, top!, entities) && !titlesOther;
  if (head && entities.at(head).length === 0 && (top!.deprel === 'appos' || untitledNmod || (top!.deprel === 'nsubj' && tree.children(head, 'cop').length > 0))) found.push(head);
  return found;
}

/** The relation and title a title noun gives: from the titles gazetteer, by its whole phrase or its head word. */
function officeRelation(tree: Tree, title: SyntaxToken, table: FrameTable, gazetteer: Gazetteer): { type: RelationType; title: string } | undefined {
  const qualifiers = tree.children(title).filter((c) => c.deprel === 'compound' && c.upos !== 'PROPN' && c.start < title.start);
  const words = [...qualifiers, title].map((t) => t.form);
  const phrase = nameKey(words.join(' '));
  const known = gazetteer.titles.get(phrase.split(' ')[0]!)?.find((t) => nameKey(t.title) === phrase);
  // A title the gazetteer knows is given in its spelling there, as the title rules give it.
  if (known?.relation) return { type: known.relation, title: known.title };
  const head = nameKey(title.lemma);
  const relation = gazetteer.titleHeads.get(head) ?? (table.offices.leads.has(head) ? 'LEADER_OF' : table.offices.serves.has(head) ? 'WORKS_FOR' : undefined);
  return relation ? { type: relation, title: words.join(' ') } : undefined;
}

/** The countries and bodies a title belongs to: "Russian", "MITI's …", "of West Germany's largest bank, Deutsche Bank". */
function ownersOf(tree: Tree, title: SyntaxToken, entities: EntityView, name: SyntaxToken[]): number[] {
  const owners: number[] = [];
  const isOwner = (e: number): boolean => OFFICE_OWNERS.has(entities.type(e));
  // The owner may also modify the name itself ("Turkish(amod) premier(amod) Recep Erdogan"), or a
  // word beside the title ("BBC(compound) labour affairs(nmod:desc) correspondent(amod) Stephen Cape"),
  // or be the word a tagger made the name hang on ("Turkish" as head of "… Erdogan(flat)").
  const top = name[0]!;
  const head = tree.head(top);
  const modifiers = name.flatMap((token) => tree.children(token).filter((c) => c !== title && !name.includes(c) && (c.deprel === 'amod' || c.deprel === 'compound' || c.deprel === 'nmod:desc')));
  const beside = [...modifiers, ...modifiers.filter((m) => entities.named(m).length === 0).flatMap((m) => tree.children(m).filter((c) => c.deprel === 'compound' || c.deprel === 'amod' || c.deprel === 'nmod:poss')), ...(head && top.deprel === 'flat' ? [head] : [])];
  for (const token of beside) owners.push(...entities.named(token).filter(isOwner));
  for (const child of tree.children(title)) {
    const attached = child.deprel === 'amod' || child.deprel === 'compound' || child.deprel === 'nmod:poss' || (child.deprel === 'nmod' && tree.markers(child).some((m) => m === 'of' || m === 'at' || m === 'for'));
    if (!attached) continue;
    const named = tree.conjuncts(child).flatMap((member) => entities.named(member).filter(isOwner));
    owners.push(...named);
    // "of West Germany's largest bank, Deutsche Bank": the body is named inside the phrase.
    if (named.length === 0 && child.upos === 'NOUN') {
      for (const inner of tree.children(child)) {
        if (inner.deprel === 'appos' || inner.deprel === 'nmod:poss' || inner.deprel === 'compound') owners.push(...entities.named(inner).filter(isOwner));
      }
    }
  }
  return [...new Set(owners)];
}
