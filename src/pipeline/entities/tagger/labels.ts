/**
 * BILOU labels over the CoNLL-2003 name types (Ratinov & Roth 2009: BILOU beats IOB for greedy
 * decoding): B(egin), I(nside), L(ast) of a name of several tokens, U(nit) name of one token, O
 * outside. Class 0 is O; then four classes per type in B, I, L, U order.
 */
export const NAME_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type NameType = (typeof NAME_TYPES)[number];

const PARTS = ['B', 'I', 'L', 'U'] as const;
type Part = (typeof PARTS)[number];

export const LABELS: readonly string[] = ['O', ...NAME_TYPES.flatMap((type) => PARTS.map((part) => `${part}-${type}`))];
export const LABEL_COUNT = LABELS.length;
export const OUTSIDE = 0;

export const labelOf = (part: Part, type: NameType): number => 1 + NAME_TYPES.indexOf(type) * PARTS.length + PARTS.indexOf(part);
const partOf = (label: number): Part | 'O' => (label === OUTSIDE ? 'O' : PARTS[(label - 1) % PARTS.length]!);
/** The type index (0..3) of a label, -1 for O. */
export const typeIndexOf = (label: number): number => (label === OUTSIDE ? -1 : Math.floor((label - 1) / PARTS.length));

/** Whether a name is open after `label` (it was B or I): the next label must continue it. */
const opens = (label: number): boolean => {
  const part = partOf(label);
  return part === 'B' || part === 'I';
};

/**
 * Whether `label` may follow `previous` (OUTSIDE at a sentence start) and, when `last`, end the
 * sentence: an open name continues with I or L of its type, nothing else opens one.
 */
export function allowedAfter(previous: number, label: number, last: boolean): boolean {
  const part = partOf(label);
  if (last && (part === 'B' || part === 'I')) return false;
  if (opens(previous)) return (part === 'I' || part === 'L') && typeIndexOf(label) === typeIndexOf(previous);
  return part === 'O' || part === 'B' || part === 'U';
}

/** A name as a token range of one sentence (`end` exclusive). */
export interface TokenSpan {
  start: number;
  end: number;
  type: NameType;
  /**
   * How much better the best labelling is than the best one that gives any of the span's tokens
   * another type or none (max-marginals, in model score units); set on the tagger's output.
   */
  margin?: number;
}

/** The labels of a sentence of `length` tokens holding these (non-overlapping) names. */
export function encodeSpans(spans: readonly TokenSpan[], length: number): number[] {
  const labels = new Array<number>(length).fill(OUTSIDE);
  for (const { start, end, type } of spans) {
    if (end - start === 1) {
      labels[start] = labelOf('U', type);
      continue;
    }
    labels[start] = labelOf('B', type);
    for (let i = start + 1; i < end - 1; i++) labels[i] = labelOf('I', type);
    labels[end - 1] = labelOf('L', type);
  }
  return labels;
}

/** The names a well-formed label sequence spells (decoding only produces well-formed ones). */
export function decodeSpans(labels: readonly number[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let start = -1;
  labels.forEach((label, i) => {
    const part = partOf(label);
    if (part === 'B') start = i;
    else if (part === 'U') spans.push({ start: i, end: i + 1, type: NAME_TYPES[typeIndexOf(label)]! });
    else if (part === 'L' && start >= 0) {
      spans.push({ start, end: i + 1, type: NAME_TYPES[typeIndexOf(label)]! });
      start = -1;
    }
  });
  return spans;
}
