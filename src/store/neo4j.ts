import { readFile } from 'node:fs/promises';
import neo4j, { Neo4jError, type Driver, type Integer, type ManagedTransaction, type Session } from 'neo4j-driver';
import { pMapSettled, pMapSkip } from 'p-map';
import { UserError } from '../errors.js';
import { ENTITY_TYPES, RELATION_PROPERTY_KEYS, RELATION_TYPES, type EntityType, type GraphJson, type RelationPropertyKey, type RelationType } from '../types.js';

/** Where the server is and who we are: `NEO4J_URI`, `NEO4J_USERNAME`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`. */
export interface Neo4jConnection {
  uri: string;
  username: string;
  /** Empty: connect without authentication (the local server's default). */
  password: string;
  /** Unset: the server's default database. */
  database?: string;
  /**
   * Seconds to wait for an unreachable server: to connect, and to retry a transaction it dropped
   * (a restart, a kill) before giving up. Default `DEFAULT_TIMEOUT_SECONDS`.
   */
  timeoutSeconds?: number;
}

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

export const DEFAULT_BATCH_SIZE = 1_000;
/** Connect and retry time-out: a dead server is reported within about twice this (the driver's own default waits 30 s and more). */
export const DEFAULT_TIMEOUT_SECONDS = 4;
export const DEFAULT_EVIDENCE_PER_RELATION = 10;
/** Two sessions keep the server busy while the client packs and sends the next batch (1.5× one session on two cores; three gained nothing). */
export const DEFAULT_CONCURRENCY = 2;
export const SCHEMA_FILE = new URL('../../cypher/schema.cypher', import.meta.url);
const START_HINT = 'Is the server running? Try `npm run neo4j:start`.';

/** Connection settings from the environment, with explicit values (CLI flags) taking precedence. */
export function connectionFromEnv(overrides: Partial<Neo4jConnection> = {}, env = process.env): Neo4jConnection {
  return {
    uri: overrides.uri ?? env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    username: overrides.username ?? env.NEO4J_USERNAME ?? 'neo4j',
    password: overrides.password ?? env.NEO4J_PASSWORD ?? '',
    database: overrides.database ?? (env.NEO4J_DATABASE || undefined),
  };
}

export function openDriver(connection: Neo4jConnection): Driver {
  // No password: the `none` scheme, which a server with authentication disabled accepts.
  const auth = connection.password ? neo4j.auth.basic(connection.username, connection.password) : { scheme: 'none', credentials: '' };
  try {
    const timeout = 1000 * (connection.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    return neo4j.driver(connection.uri, auth, {
      disableLosslessIntegers: true,
      connectionTimeout: timeout,
      connectionAcquisitionTimeout: 2 * timeout,
      maxTransactionRetryTime: timeout,
    });
  } catch (error) {
    throw new UserError(`bad Neo4j URI ${connection.uri}: ${(error as Error).message}`);
  }
}

/**
 * Run `work` with a driver and a session on the connection's database, after checking that the
 * server answers; the driver is closed on every path and server errors become one-line UserErrors.
 */
export async function withNeo4j<T>(connection: Neo4jConnection, work: (session: Session, driver: Driver) => Promise<T>): Promise<T> {
  const driver = openDriver(connection);
  try {
    const session = driver.session({ database: connection.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      // One auto-commit query first: it fails at once (no retries) when the server is down,
      // the password is wrong or the database does not exist.
      await session.run('RETURN 1');
      return await work(session, driver);
    } finally {
      await session.close();
    }
  } catch (error) {
    throw explainNeo4jError(error, connection);
  } finally {
    await driver.close();
  }
}

/** Turn what the driver throws into a line that says what to do next. */
export function explainNeo4jError(error: unknown, connection: Neo4jConnection): unknown {
  if (error instanceof UserError || !(error instanceof Neo4jError)) return error;
  const where = `Neo4j at ${connection.uri}`;
  if (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED) {
    return new UserError(`cannot reach ${where}. ${START_HINT}`);
  }
  if (error.code === 'Neo.ClientError.Security.Unauthorized' || error.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new UserError(
      `${where} refused the credentials of user "${connection.username}": check NEO4J_USERNAME and NEO4J_PASSWORD (or --username/--password).`,
    );
  }
  if (error.code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new UserError(`${where} has no database "${connection.database}": check NEO4J_DATABASE (or --database).`);
  }
  return new UserError(`${where}: ${error.message.split('\n')[0]} (${error.code})`);
}

/** The statements of `cypher/schema.cypher`: constraints and indexes, each idempotent. */
export async function readSchema(): Promise<string[]> {
  const text = await readFile(SCHEMA_FILE, 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export async function applySchema(session: Session): Promise<void> {
  for (const statement of await readSchema()) {
    try {
      // Loads starting at once (shards) contend for the schema lock: a deadlock is retried.
      await retryTransient(() => session.executeWrite((tx) => tx.run(statement)));
    } catch (error) {
      // Two loads starting at once may both create the same rule; the other one's is as good.
      if (!(error instanceof Neo4jError && /AlreadyExists/.test(error.code))) throw error;
    }
  }
  await session.run('CALL db.awaitIndexes(300)');
}

/** How long a batch that keeps meeting deadlocks (concurrent loads of overlapping graphs) is retried. */
const TRANSIENT_RETRY_MS = 60_000;

/**
 * The driver retries for `maxTransactionRetryTime`, kept short so that a dead server is reported
 * quickly; transient errors of a live server (deadlocks between concurrent loads) get longer.
 */
async function retryTransient<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + TRANSIENT_RETRY_MS;
  for (let delay = 100; ; delay = Math.min(2 * delay, 2_000)) {
    try {
      return await work();
    } catch (error) {
      const transient = error instanceof Neo4jError && error.code.startsWith('Neo.TransientError.');
      if (!transient || Date.now() + delay > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
    }
  }
}

// Statements: labels and relationship types come from our vocabulary, never from the data;
// every value is a parameter. Each starts with UNWIND_ROWS.
const UNWIND_ROWS = 'UNWIND $rows AS row';
const entityStatement = (type: EntityType) => `
${UNWIND_ROWS}
MERGE (e:Entity {id: row.id})
SET e:${type}, e.type = row.type,
    e.name = CASE WHEN e.name IS NULL OR size(row.name) > size(e.name) THEN row.name ELSE e.name END,
    e.aliases = coalesce(e.aliases, []) + [alias IN row.aliases WHERE NOT alias IN coalesce(e.aliases, [])]`;

const DOCUMENT_STATEMENT = `
${UNWIND_ROWS}
MERGE (d:Document {id: row.id})
SET d += row.props`;

const MENTION_STATEMENT = `
${UNWIND_ROWS}
MATCH (e:Entity {id: row.entity})
MATCH (d:Document {id: row.document})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m.count = row.count`;

/** Evidence rows not already stored on the relationship as the same (sentence, document) pair. */
const FRESH_EVIDENCE = `i IN range(0, size(row.evidence) - 1)
  WHERE NOT any(j IN range(0, size(stored.evidence) - 1)
                WHERE stored.evidence[j] = row.evidence[i] AND stored.evidenceDocuments[j] = row.evidenceDocuments[i])`;

/**
 * Evidence is kept as two parallel lists (sentence, document), deduplicated on the pair and capped;
 * `keys` are the relation properties every row of the batch has. The stored properties are read
 * once, as a map, and all are written from one literal map: the planner then needs no Eager step
 * (a `SET r += row.props` costs two), and no null is written (removing an absent property is not free).
 */
const relationStatement = (type: RelationType, keys: readonly RelationPropertyKey[]) => `
${UNWIND_ROWS}
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:${type}]->(t)
WITH r, row, r {.*} AS stored
SET r += {
  ${keys.map((key) => `${key}: row.${key}, `).join('')}confidence: CASE WHEN stored.confidence IS NULL OR row.confidence > stored.confidence THEN row.confidence ELSE stored.confidence END,
  evidence: CASE WHEN stored.evidence IS NULL THEN row.evidence[0..$evidenceCap]
    ELSE (stored.evidence + [${FRESH_EVIDENCE} | row.evidence[i]])[0..$evidenceCap] END,
  evidenceDocuments: CASE WHEN stored.evidence IS NULL THEN row.evidenceDocuments[0..$evidenceCap]
    ELSE (stored.evidenceDocuments + [${FRESH_EVIDENCE} | row.evidenceDocuments[i]])[0..$evidenceCap] END
}`;

interface Step {
  what: string;
  statement: string;
  rows: Record<string, unknown>[];
  creates: 'nodes' | 'relationships';
}

/** The load as a list of statements with their rows, in dependency order; rejects types and relation property names outside our vocabulary. */
export function planLoad(json: GraphJson): Step[] {
  const entityIds = new Set(json.entities.map((entity) => entity.id));
  const documentIds = new Set(json.documents.map((document) => document.id));
  const steps: Step[] = [];
  const unknownEntity = json.entities.find((entity) => !(ENTITY_TYPES as readonly string[]).includes(entity.type));
  if (unknownEntity) throw new UserError(`entity ${unknownEntity.id} has unknown type "${unknownEntity.type}" (known: ${ENTITY_TYPES.join(', ')})`);

  for (const type of ENTITY_TYPES) {
    const rows = json.entities
      .filter((entity) => entity.type === type)
      .map((entity) => ({ id: entity.id, type, name: entity.name, aliases: entity.aliases ?? [] }));
    if (rows.length) steps.push({ what: `${type} nodes`, statement: entityStatement(type), rows, creates: 'nodes' });
  }

  // Documents named only in mentions or evidence still get a node, so nothing points nowhere.
  const documentRows = json.documents.map((document) => ({
    id: document.id,
    props: definedOnly({ source: document.source, title: document.title, date: document.date, url: document.url }),
  }));
  const mentionCounts = new Map<string, { entity: string; document: string; count: Integer }>();
  for (const entity of json.entities) {
    for (const mention of entity.mentions ?? []) {
      const key = `${entity.id}\u0000${mention.document}`;
      const row = mentionCounts.get(key) ?? { entity: entity.id, document: mention.document, count: neo4j.int(0) };
      row.count = neo4j.int(row.count.toNumber() + 1);
      mentionCounts.set(key, row);
      if (!documentIds.has(mention.document)) {
        documentIds.add(mention.document);
        documentRows.push({ id: mention.document, props: {} });
      }
    }
  }
  if (documentRows.length) steps.push({ what: 'Document nodes', statement: DOCUMENT_STATEMENT, rows: documentRows, creates: 'nodes' });
  if (mentionCounts.size) {
    steps.push({ what: 'MENTIONED_IN', statement: MENTION_STATEMENT, rows: [...mentionCounts.values()], creates: 'relationships' });
  }

  // One statement per type and set of properties present, so that every key in it has a value.
  const groups = new Map(RELATION_TYPES.map((type) => [type, new Map<string, { keys: RelationPropertyKey[]; rows: Record<string, unknown>[] }>()]));
  for (const relation of json.relations) {
    const byKeys = groups.get(relation.type);
    if (!byKeys) throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: unknown type (known: ${RELATION_TYPES.join(', ')})`);
    const unknownKey = Object.keys(relation.properties ?? {}).find((key) => !(RELATION_PROPERTY_KEYS as readonly string[]).includes(key));
    if (unknownKey) {
      throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: unknown property "${unknownKey}" (known: ${RELATION_PROPERTY_KEYS.join(', ')})`);
    }
    for (const end of [relation.source, relation.target]) {
      if (!entityIds.has(end)) throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: no entity with id ${end}`);
    }
    const properties = definedOnly(relation.properties ?? {});
    const keys = RELATION_PROPERTY_KEYS.filter((key) => key in properties);
    const group = byKeys.get(keys.join()) ?? { keys, rows: [] };
    byKeys.set(keys.join(), group);
    group.rows.push({
      source: relation.source,
      target: relation.target,
      confidence: relation.confidence ?? null,
      evidence: (relation.evidence ?? []).map((evidence) => evidence.text),
      evidenceDocuments: (relation.evidence ?? []).map((evidence) => evidence.document),
      // Spread last: spreading first makes V8 build a slow dictionary object, 5× slower here.
      ...properties,
    });
  }
  for (const [type, byKeys] of groups) {
    for (const { keys, rows } of byKeys.values()) steps.push({ what: type, statement: relationStatement(type, keys), rows, creates: 'relationships' });
  }
  return steps;
}

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
 * relationship batches and frees the shared cores for the server.
 */
function asValueLists(step: Step): { statement: string; rows: unknown[][] } {
  const keys = [...new Set(step.rows.flatMap((row) => Object.keys(row)))];
  const row = `{${keys.map((key, index) => `${key}: cells[${index}]`).join(', ')}}`;
  return {
    statement: step.statement.replace(UNWIND_ROWS, `UNWIND $rows AS cells WITH ${row} AS row`),
    rows: step.rows.map((values) => keys.map((key) => values[key] ?? null)),
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

/** Neo4j stores no null properties: drop undefined and null values. */
export function definedOnly<T>(values: Record<string, T | undefined | null>): Record<string, T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null)) as Record<string, T>;
}
