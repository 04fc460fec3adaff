import cliProgress from 'cli-progress';

/** Progress and messages on stderr, kept apart from the data on stdout. */
export interface Progress {
  update(done: number): void;
  /** A message line; with a bar showing, it is printed above the bar. */
  log(message: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Draw a bar (else only messages are printed). */
  bar: boolean;
  /** Documents expected; without it the bar shows a running count. */
  total?: number;
}

export function startProgress(options: ProgressOptions): Progress {
  if (!options.bar) {
    return { update: () => {}, log: (message) => process.stderr.write(`${message}\n`), stop: () => {} };
  }
  const bars = new cliProgress.MultiBar({
    stream: process.stderr,
    format: options.total
      ? 'extracting [{bar}] {percentage}% | {value}/{total} documents | {eta_formatted} left'
      : 'extracting {value} documents | {duration_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    // When stderr is not a terminal (--progress into a log), print a line every few seconds.
    noTTYOutput: true,
    notTTYSchedule: 2_000,
  });
  const bar = bars.create(options.total ?? 0, 0);
  return {
    update: (done) => bar.update(done),
    log: (message) => bars.log(`${message}\n`),
    stop: () => bars.stop(),
  };
}
