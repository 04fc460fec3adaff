/** Precision, recall and F1 from counts of true positives, false positives and false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Scores of a table of counts: per key and micro-averaged over all keys. */
export interface PrfTable {
  perType: Record<string, Prf>;
  micro: Prf;
}

/** An empty ratio (nothing predicted, nothing expected) counts as 0, as conlleval does. */
export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Counts per type, filled in as a scorer walks the matches. */
export class CountTable {
  private readonly counts = new Map<string, Counts>();

  constructor(types: readonly string[] = []) {
    for (const type of types) this.get(type);
  }

  add(type: string, kind: keyof Counts): void {
    this.get(type)[kind] += 1;
  }

  scores(): PrfTable {
    const total: Counts = { tp: 0, fp: 0, fn: 0 };
    const perType: Record<string, Prf> = {};
    for (const [type, counts] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      perType[type] = prf(counts);
      total.tp += counts.tp;
      total.fp += counts.fp;
      total.fn += counts.fn;
    }
    return { perType, micro: prf(total) };
  }

  private get(type: string): Counts {
    let counts = this.counts.get(type);
    if (!counts) this.counts.set(type, (counts = { tp: 0, fp: 0, fn: 0 }));
    return counts;
  }
}

/** How often each error occurred, most frequent first (ties by key), the first `limit` of them. */
export class ErrorTally<T extends object> {
  private readonly tally = new Map<string, { error: T; count: number }>();

  add(error: T): void {
    const key = JSON.stringify(error);
    const entry = this.tally.get(key);
    if (entry) entry.count += 1;
    else this.tally.set(key, { error, count: 1 });
  }

  top(limit: number): (T & { count: number })[] {
    return [...this.tally]
      .sort(([keyA, a], [keyB, b]) => b.count - a.count || keyA.localeCompare(keyB))
      .slice(0, limit)
      .map(([, { error, count }]) => ({ ...error, count }));
  }
}
