/** A character range of a text (`end` exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** A typed span: an entity mention, gold or predicted. `text` is the slice it covers. */
export interface LabeledSpan extends Span {
  type: string;
  text: string;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function labeledSpan(text: string, span: Span, type: string): LabeledSpan {
  return { start: span.start, end: span.end, type, text: text.slice(span.start, span.end) };
}

/**
 * Turn per-token IOB tags (IOB1: a chunk starts with `I-`, `B-` only between two adjacent chunks of
 * one type; IOB2: every chunk starts with `B-`) into [first, last] token index ranges with a type.
 */
export function iobChunks(tags: readonly string[]): { type: string; first: number; last: number }[] {
  const chunks: { type: string; first: number; last: number }[] = [];
  let open: { type: string; first: number; last: number } | undefined;
  tags.forEach((tag, index) => {
    if (tag === 'O') {
      open = undefined;
      return;
    }
    const prefix = tag.slice(0, 2);
    const type = tag.slice(2);
    if ((prefix !== 'B-' && prefix !== 'I-') || type.length === 0) {
      throw new Error(`"${tag}" is not an IOB tag (O, B-TYPE or I-TYPE)`);
    }
    if (prefix === 'I-' && open?.type === type && open.last === index - 1) {
      open.last = index;
    } else {
      open = { type, first: index, last: index };
      chunks.push(open);
    }
  });
  return chunks;
}
