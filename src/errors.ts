/**
 * An error the user can fix: bad input, a missing file, an unreachable server. The CLI prints its
 * message on one line (no stack trace) and exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
