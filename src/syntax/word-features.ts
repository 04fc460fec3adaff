/**
 * What the tagger and the parser know of a word besides its tag: hashes of its normalized form,
 * affixes and shape, computed once per word so features are cheap integer mixes.
 */
import { hashString } from '../learn/index.js';

export interface WordHashes {
  /** Lowercased form, digits as 0 ("12:30" and "11:45" look alike). */
  norm: Int32Array;
  /** The form as written. */
  form: Int32Array;
  shape: Int32Array;
  prefix1: Int32Array;
  prefix2: Int32Array;
  prefix3: Int32Array;
  suffix1: Int32Array;
  suffix2: Int32Array;
  suffix3: Int32Array;
  suffix4: Int32Array;
  /** Bit flags: capitalized, all caps, has digit, has hyphen, first word. */
  flags: Int32Array;
  /** Normalized forms, for lookups (tag dictionary, lemma table). */
  norms: string[];
}

export const FLAG_CAPITALIZED = 1;
export const FLAG_ALL_CAPS = 2;
export const FLAG_DIGIT = 4;
export const FLAG_HYPHEN = 8;
export const FLAG_FIRST = 16;

/** Words hashed at positions 1…n; slot 0 (root / before the sentence) and n+1…n+2 are padding. */
export function hashWords(forms: readonly string[]): WordHashes {
  const size = forms.length + 3;
  const make = () => new Int32Array(size).fill(hashString('<pad>'));
  const hashes: WordHashes = {
    norm: make(),
    form: make(),
    shape: make(),
    prefix1: make(),
    prefix2: make(),
    prefix3: make(),
    suffix1: make(),
    suffix2: make(),
    suffix3: make(),
    suffix4: make(),
    flags: new Int32Array(size),
    norms: ['<root>'],
  };
  hashes.norm[0] = hashString('<root>');
  forms.forEach((form, index) => {
    const i = index + 1;
    const norm = normalizeForm(form);
    hashes.norms.push(norm);
    hashes.norm[i] = hashString(norm);
    hashes.form[i] = hashString(form);
    hashes.shape[i] = hashString(wordShape(form));
    hashes.prefix1[i] = hashString(norm.slice(0, 1));
    hashes.prefix2[i] = hashString(norm.slice(0, 2));
    hashes.prefix3[i] = hashString(norm.slice(0, 3));
    hashes.suffix1[i] = hashString(norm.slice(-1));
    hashes.suffix2[i] = hashString(norm.slice(-2));
    hashes.suffix3[i] = hashString(norm.slice(-3));
    hashes.suffix4[i] = hashString(norm.slice(-4));
    let flags = 0;
    if (/^\p{Lu}/u.test(form)) flags |= FLAG_CAPITALIZED;
    if (/^\p{Lu}+$/u.test(form) && form.length > 1) flags |= FLAG_ALL_CAPS;
    if (/\d/.test(form)) flags |= FLAG_DIGIT;
    if (form.length > 1 && form.includes('-')) flags |= FLAG_HYPHEN;
    if (i === 1) flags |= FLAG_FIRST;
    hashes.flags[i] = flags;
  });
  return hashes;
}

export function normalizeForm(form: string): string {
  return form.toLowerCase().replace(/\d/g, '0').replace(/’/g, "'");
}

/** Character classes with runs collapsed: "McCain" → "XxXx", "1,200" → "d,d", "U.S." → "X.X.". */
export function wordShape(form: string): string {
  let shape = '';
  let last = '';
  for (const char of form.length > 40 ? form.slice(0, 40) : form) {
    const kind = /\p{Lu}/u.test(char) ? 'X' : /\p{Ll}/u.test(char) ? 'x' : /\d/.test(char) ? 'd' : char;
    if (kind !== last) shape += kind;
    last = kind;
  }
  return shape;
}
