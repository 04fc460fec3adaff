/** Loading a graph into Neo4j: `planLoad`'s statements in batches, sessions in parallel, a cut-short load reported as such. */
import neo4j, { Neo4jError, type ManagedTransaction, type Session } from 'neo4j-driver';
import { pMapSettled, pMapSkip } from 'p-map';
import { UserError } from '../errors.js';
import type { GraphJson } from '../types.js';
import { applySchema, retryTransient, withNeo4j, type Neo4jConnection } from './connection.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_PER_RELATION, planLoad, UNWIND_ROWS, type Step } from './model.js';

export interface LoadOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Evidence sentences kept per relationship, across loads. */
  evidencePerRelation?: number;
  /** Batches in flight at once, each in its own session. */
  concurrency?: number;
  /** Called after each committed batch with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Seconds the server lets one batch's transaction run before it rolls it back; unset: the server's setting. */
  transactionTimeoutSeconds?: number;
}

export interface LoadSummary {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  batches: number;
  seconds: number;
}

/** Two sessions keep the server busy while the client packs and sends the next batch (1.5× one session on two cores; three gained nothing). */
export const DEFAULT_CONCURRENCY = 2;
interface Batch {
  /** 1-based, in plan order: the number an error names. */
  number: number;
  step: Step;
  /** The step's statement, reading rows sent as value lists (see `asValueLists`). */
  statement: string;
  rows: unknown[][];
}

/**
 * A step with its rows as lists of values in one key order, and its statement rebuilding each row
 * map from them: the driver then packs no key strings per row, which halves its CPU on
 * relationship batches and frees the shared cores for the server. Integers go as Cypher INTEGERs.
 */
function asValueLists(step: Step): { statement: string; rows: unknown[][] } {
  const keys = [...new Set(step.rows.flatMap((row) => Object.keys(row)))];
  const integers = new Set(step.integerKeys);
  const row = `{${keys.map((key, index) => `${key}: cells[${index}]`).join(', ')}}`;
  return {
    statement: step.statement.replace(UNWIND_ROWS, `UNWIND $rows AS cells WITH ${row} AS row`),
    rows: step.rows.map((values) => keys.map((key) => (integers.has(key) ? neo4j.int(values[key] as number) : (values[key] ?? null)))),
  };
}

/**
 * Load an extraction into Neo4j: schema first, then nodes, then relationships, in UNWIND batches,
 * each batch one managed write transaction (retried by the driver on transient errors such as a
 * deadlock). Batches of the same phase are independent, so `concurrency` of them run at once, each
 * in a session of its own.
 * Idempotent: loading the same graph again changes nothing; a second corpus merges into the first.
 */
export async function loadGraph(json: GraphJson, connection: Neo4jConnection, options: LoadOptions = {}): Promise<LoadSummary> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const evidenceCap = Math.max(0, options.evidencePerRelation ?? DEFAULT_EVIDENCE_PER_RELATION);
  const batches: Batch[] = [];
  for (const step of planLoad(json)) {
    const { statement, rows } = asValueLists(step);
    for (let offset = 0; offset < rows.length; offset += batchSize) {
      batches.push({ number: batches.length + 1, step, statement, rows: rows.slice(offset, offset + batchSize) });
    }
  }
  // Relationships need both their end nodes stored first.
  const phases = [batches.filter((batch) => batch.step.creates === 'nodes'), batches.filter((batch) => batch.step.creates === 'relationships')];
  const total = batches.reduce((sum, batch) => sum + batch.rows.length, 0);
  const started = performance.now();
  const summary: LoadSummary = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0, batches: 0, seconds: 0 };
  let done = 0;
  const committed = new Map<Step, number>();
  const record = (batch: Batch, counters: { nodesCreated: number; relationshipsCreated: number }) => {
    committed.set(batch.step, (committed.get(batch.step) ?? 0) + batch.rows.length);
    if (batch.step.creates === 'nodes') {
      summary.nodesCreated += counters.nodesCreated;
      summary.nodesUpdated += batch.rows.length - counters.nodesCreated;
    } else {
      summary.relationshipsCreated += counters.relationshipsCreated;
      summary.relationshipsUpdated += batch.rows.length - counters.relationshipsCreated;
    }
    summary.batches += 1;
    done += batch.rows.length;
    options.onProgress?.(done, total);
  };

  await withNeo4j(connection, async (session, driver) => {
    await applySchema(session);
    // A session for each batch in flight (p-map runs at most `concurrency`), each reused batch after batch.
    const extra = Array.from({ length: concurrency - 1 }, () => driver.session({ database: connection.database, defaultAccessMode: neo4j.session.WRITE }));
    const idle = [session, ...extra];
    try {
      for (const phase of phases) {
        let failed = false;
        // Settled: every batch in flight ends before the sessions close, and the first error is the one reported.
        const outcomes = await pMapSettled(
          phase,
          async (batch) => {
            if (failed) return pMapSkip;
            const own = idle.pop()!;
            try {
              record(batch, await runBatch(own, batch, evidenceCap, options.transactionTimeoutSeconds));
            } catch (error) {
              failed = true;
              throw error;
            } finally {
              idle.push(own);
            }
          },
          { concurrency },
        );
        const failure = outcomes.find((outcome) => outcome.status === 'rejected');
        if (failure) throw isConnectionLoss(failure.reason) ? partialLoad(connection, batches, committed) : failure.reason;
      }
    } finally {
      await Promise.all(extra.map((own) => own.close()));
    }
  });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function runBatch(session: Session, { number, step, statement, rows }: Batch, evidenceCap: number, timeoutSeconds: number | undefined) {
  try {
    // Integers go as Cypher INTEGERs (a JS number would be a FLOAT, which a list slice refuses).
    const result = await retryTransient(() =>
      session.executeWrite(
        (tx: ManagedTransaction) => tx.run(statement, { rows, evidenceCap: neo4j.int(evidenceCap) }),
        timeoutSeconds === undefined ? {} : { timeout: timeoutSeconds * 1000 },
      ),
    );
    return result.summary.counters.updates();
  } catch (error) {
    if (!(error instanceof Neo4jError) || isConnectionLoss(error)) throw error;
    throw new UserError(
      `batch ${number} (${rows.length} ${step.what}) failed and was rolled back: ${error.message.split('\n')[0]}. ` +
        'Other batches are stored; loading is idempotent, so run the same load again to complete it.',
    );
  }
}

/** The server went away (killed, restarted, network down), as opposed to refusing a statement. */
function isConnectionLoss(error: unknown): boolean {
  return error instanceof Neo4jError && [neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED].includes(error.code);
}

/** What a load cut short left in the database, and how to complete it. */
function partialLoad(connection: Neo4jConnection, batches: Batch[], committed: Map<Step, number>): UserError {
  const steps = [...new Set(batches.map((batch) => batch.step))];
  const total = (step: Step): number => batches.filter((batch) => batch.step === step).reduce((sum, batch) => sum + batch.rows.length, 0);
  const written = steps.filter((step) => committed.has(step)).map((step) => `${committed.get(step)}/${total(step)} ${step.what}`);
  return new UserError(
    `lost Neo4j at ${connection.uri} during the load, which is partial: ` +
      `${written.length ? `written ${written.join(', ')}` : 'no batch was written'}. ` +
      'Loading is idempotent: once the server is back, run the same load again to complete it.',
  );
}
