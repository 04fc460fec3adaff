/**
 * UD English tokenization of raw text, as UD English EWT does it: punctuation split off, clitics
 * their own words ("do|n't", "ca|n't", "John|'s", "I|'m", "can|not", "gon|na"), hyphenated
 * compounds split at the hyphen ("Al|-|Zaman", "long|-|term") except after the bound prefixes EWT
 * keeps whole ("e-mail", "co-workers", "non-human"), while abbreviations ("U.S.", "Dr."), numbers
 * ("1,200.50", "9/11", "713-853-3989"), words joined by a slash split ("and|/|or"), URLs and e-mail addresses stay one word. Every token's
 * offsets slice the original text exactly.
 */

export interface TextToken {
  form: string;
  start: number;
  end: number;
}

/** Titles, months, company suffixes and Latin abbreviations whose final period is part of the word. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st jr sr prof gen sen rep gov lt col capt sgt cpl adm rev hon pres supt messrs mt ft ave blvd rd ' +
    'inc corp co ltd bros llc plc dept univ assn est no nos vol vs etc al approx ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'
  ).split(' '),
);

/** Prefixes EWT keeps attached across a hyphen. */
const HYPHEN_PREFIXES = new Set('e co pre non re multi anti ex post mid semi sub inter bi tri un'.split(' '));

/** Clitics after the word they lean on: "n't" and the contracted 's 're 've 'll 'd 'm. */
const CLITIC = /^(.+?)((?:n['’]t)|(?:['’](?:s|re|ve|ll|d|m)))$/i;
/** Words EWT splits without an apostrophe. */
const FUSED: [RegExp, number][] = [
  [/^cannot$/i, 3],
  [/^(?:gon|wan)na$/i, 3],
  [/^gotta$/i, 3],
];

const URL_OR_EMAIL = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/i;
const LEADING = /^(?:["“”‘(\[{«<*]|['’](?![sdm]\b|re\b|ve\b|ll\b|\d0s\b)|\.{2,}|-{2,}|[$£€¥#]|--)/iu;
const TRAILING = /(?:\.{2,}|…|-{2,}|[,;:!?)\]}"“”»>*%]|['’]|\.)$/u;

/** Tokens of `text.slice(start, end)`, with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): TextToken[] {
  const tokens: TextToken[] = [];
  const chunk = /\S+/g;
  const slice = text.slice(start, end);
  for (let match = chunk.exec(slice); match; match = chunk.exec(slice)) {
    splitChunk(match[0], start + match.index, tokens);
  }
  return tokens;
}

function splitChunk(chunk: string, offset: number, out: TextToken[]): void {
  const push = (from: number, to: number) => {
    if (to > from) out.push({ form: chunk.slice(from, to), start: offset + from, end: offset + to });
  };
  let from = 0;
  let to = chunk.length;
  const trailing: [number, number][] = [];
  // Peel punctuation off both ends until the core is a word.
  for (;;) {
    const core = chunk.slice(from, to);
    if (core.length <= 1) break;
    if (URL_OR_EMAIL.test(core)) {
      // A sentence's final period or a closing bracket is no part of an address.
      const tail = /[.,;:!?)\]"'”’]+$/.exec(core);
      if (tail && tail[0].length < core.length) {
        trailing.unshift([to - tail[0].length, to]);
        to -= tail[0].length;
      }
      break;
    }
    const lead = LEADING.exec(core);
    if (lead && lead[0].length < core.length) {
      push(from, from + lead[0].length);
      from += lead[0].length;
      continue;
    }
    let trail = TRAILING.exec(core);
    // "Inc.." ends an abbreviation and a sentence.
    if (trail?.[0] === '..' && keepsFinalPeriod(core.slice(0, -1), '.')) trail = /\.$/.exec(core);
    if (trail && trail[0].length < core.length && !keepsFinalPeriod(core, trail[0])) {
      trailing.unshift([to - trail[0].length, to]);
      to -= trail[0].length;
      continue;
    }
    break;
  }
  splitWord(chunk.slice(from, to), offset + from, out);
  for (const [a, b] of trailing) push(a, b);
}

function keepsFinalPeriod(core: string, trail: string): boolean {
  if (trail !== '.') return false;
  const word = core.slice(0, -1);
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** A word without outer punctuation: clitics, fused forms and hyphens. */
function splitWord(word: string, offset: number, out: TextToken[]): void {
  if (word.length === 0) return;
  const piece = (from: number, to: number) => out.push({ form: word.slice(from, to), start: offset + from, end: offset + to });
  if (URL_OR_EMAIL.test(word)) return void piece(0, word.length);
  const clitic = CLITIC.exec(word);
  if (clitic && /\p{L}/u.test(clitic[1]!)) {
    splitWord(clitic[1]!, offset, out);
    return void piece(clitic[1]!.length, word.length);
  }
  for (const [pattern, at] of FUSED) {
    if (pattern.test(word)) {
      piece(0, at);
      return void piece(at, word.length);
    }
  }
  // "and/or", "removed/blanks": words joined by a slash; "w/o", "9/11" stay whole.
  const slash = /^(\p{L}{2,})\/(\p{L}{2,})$/u.exec(word);
  if (slash) {
    piece(0, slash[1]!.length);
    piece(slash[1]!.length, slash[1]!.length + 1);
    return void piece(slash[1]!.length + 1, word.length);
  }
  const hyphen = word.indexOf('-', 1);
  if (hyphen > 0 && hyphen < word.length - 1 && /\p{L}/u.test(word) && !HYPHEN_PREFIXES.has(word.slice(0, hyphen).toLowerCase())) {
    const before = word.slice(0, hyphen);
    const after = word.slice(hyphen + 1);
    // Numbers and codes with hyphens (phone numbers, "1-800", "ld2d-#69366") stay whole.
    if (/\p{L}/u.test(before) || /\p{L}/u.test(after.split('-')[0]!)) {
      piece(0, hyphen);
      piece(hyphen, hyphen + 1);
      splitWord(after, offset + hyphen + 1, out);
      return;
    }
  }
  piece(0, word.length);
}
