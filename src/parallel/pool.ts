import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { DocumentExtraction, SourceDocument } from '../types.js';
import { DocumentExtractionError } from './errors.js';
import type { ResultMessage, TaskMessage } from './messages.js';

interface Task {
  document: SourceDocument;
  resolve: (extraction: DocumentExtraction) => void;
  reject: (error: Error) => void;
}

/**
 * Up to `size` worker threads, each extracting one document at a time; threads start when there is
 * work for them. `close()` terminates them all and must be called on every path.
 */
export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private failure: UserError | undefined;
  private closing = false;

  constructor(private readonly size: number) {}

  run(document: SourceDocument): Promise<DocumentExtraction> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ document, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.length < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.postMessage({ document: task.document } satisfies TaskMessage);
    }
  }

  private spawn(): Worker {
    tuneTiering();
    const worker = startWorker();
    this.workers.push(worker);
    worker.on('message', (message: ResultMessage) => {
      const task = this.running.get(worker)!;
      this.running.delete(worker);
      this.idle.push(worker);
      if ('error' in message) task.reject(new DocumentExtractionError(task.document, message.error));
      else task.resolve(message.extraction);
      this.dispatch();
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(worker, `the worker thread exited (code ${code})`);
    });
    return worker;
  }

  /**
   * A dead thread takes its document with it, and the pool takes no more work: what kills one
   * thread (a missing worker script, memory) would kill the next.
   */
  private fail(worker: Worker, reason: Error | string): void {
    const task = this.running.get(worker);
    this.running.delete(worker);
    this.failure ??= new UserError(`a worker thread failed: ${reason instanceof Error ? reason.message : reason}`);
    task?.reject(new DocumentExtractionError(task.document, reason));
    for (const queued of this.queue.splice(0)) queued.reject(this.failure);
  }
}

/**
 * When V8 optimizes the pool's code. Every thread warms up the same code on its own, and with V8's
 * defaults (optimize a function after about 64 KB of its bytecode has run, inline up to 920 bytes
 * of callees into it) the compiler threads re-optimize the pipeline's large functions after each
 * deoptimization, over and over while new shapes of data arrive: one worker on half of
 * bbc_all.jsonl kept V8's threads busy 5.1 CPU seconds beside its own 14.6. Optimizing later (8x
 * the budget) and inlining half as much took 2 workers on the whole corpus from 24.7–25.8 s to
 * 22.5–23.4 s (README, "Speed"). V8's flags are the process's: set once, before the first thread
 * starts, and not where the user set their own.
 */
const TIERING_FLAGS = ['--interrupt-budget=540672', '--max-inlined-bytecode-size-cumulative=460'];
let tiered = false;

function tuneTiering(): void {
  if (tiered) return;
  tiered = true;
  // Only the command line can give them: Node refuses V8's tiering flags in NODE_OPTIONS.
  for (const flag of TIERING_FLAGS) {
    const name = flag.slice(0, flag.indexOf('='));
    if (!process.execArgv.some((option) => option.startsWith(name))) setFlagsFromString(flag);
  }
}

/**
 * The compiled worker sits beside this file in dist/. Running from the TypeScript sources (vitest,
 * tsx), the thread loads `worker.ts` through tsx's loader instead, so tests exercise the sources.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const tsx = JSON.stringify(tsxEsmApi());
  const script = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${script}); });`, { eval: true });
}

/** tsx's ESM API by its package exports (vite-node, which runs the tests, has no import.meta.resolve). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}
