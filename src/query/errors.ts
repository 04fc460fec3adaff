import { UserError } from '../errors.js';

/** A place in the query text, 1-based like an editor shows it. */
export interface Position {
  line: number;
  column: number;
}

/** A query we cannot run (bad syntax, outside the subset, a write clause, a type error). */
export class QueryError extends UserError {
  constructor(
    readonly reason: string,
    readonly position?: Position,
  ) {
    super(position ? `${reason} (line ${position.line}, column ${position.column})` : reason);
    this.name = 'QueryError';
  }
}
