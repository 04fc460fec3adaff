/**
 * What a query may spend: time, rows held by one clause, heap. Past any of them the query stops
 * with one line naming the clause, as Neo4j stops a transaction past its time-out.
 */
import { getHeapStatistics } from 'node:v8';
import type { Clause } from './ast.js';
import { QueryError } from './errors.js';

export interface QueryLimits {
  /** Wall-clock seconds; default 60, as `kg query --timeout`. */
  timeoutSeconds?: number;
  /** Rows one clause may hold at once (sorting, grouping, DISTINCT, the result); default 1,000,000. */
  maxRows?: number;
  /** Heap in MB the process may reach while the query runs; default 80% of V8's heap limit. */
  maxMemoryMB?: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 60;
export const DEFAULT_MAX_ROWS = 1_000_000;

/** A query stopped by a limit: a QueryError, so the CLI prints one line and exits 1. */
export class QueryLimitError extends QueryError {}

/** How often (in units of work) the clock is read, and the heap every 16 of those. */
const CLOCK_EVERY = 4096;

export class QueryGuard {
  private readonly deadline: number;
  private readonly maxRows: number;
  private readonly maxHeapBytes: number;
  /** Units of work so far. */
  work = 0;
  private readonly started = performance.now();

  constructor(private readonly limits: QueryLimits = {}) {
    this.deadline = this.started + (limits.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    this.maxRows = limits.maxRows ?? DEFAULT_MAX_ROWS;
    this.maxHeapBytes = limits.maxMemoryMB !== undefined ? limits.maxMemoryMB * 2 ** 20 : getHeapStatistics().heap_size_limit * 0.8;
  }

  /** One unit of work (a relationship looked at, a row passed on) for `clause`. */
  tick(clause: Clause): void {
    if (++this.work % CLOCK_EVERY !== 0) return;
    if (performance.now() > this.deadline) {
      const seconds = this.limits.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
      throw new QueryLimitError(`query timed out after ${seconds} s in ${clauseName(clause)}: narrow the pattern, add a LIMIT, or give more time with --timeout SECONDS`);
    }
    if (this.work % (CLOCK_EVERY * 16) === 0 && getHeapStatistics().used_heap_size > this.maxHeapBytes) {
      throw new QueryLimitError(`query stopped in ${clauseName(clause)}: it needs more than ${Math.round(this.maxHeapBytes / 2 ** 20)} MB of memory (--max-memory MB)`);
    }
  }

  /** `clause` now holds `rows` rows at once. */
  hold(clause: Clause, rows: number): void {
    if (rows > this.maxRows) {
      throw new QueryLimitError(`query stopped in ${clauseName(clause)}: it holds more than ${this.maxRows.toLocaleString('en')} rows (--max-rows N); add a LIMIT or aggregate`);
    }
  }
}

/** `OPTIONAL MATCH (line 3, column 1)`. */
export function clauseName(clause: Clause): string {
  const keyword = clause.kind === 'match' && clause.optional ? 'OPTIONAL MATCH' : clause.kind.toUpperCase();
  return `${keyword} (line ${clause.position.line}, column ${clause.position.column})`;
}
