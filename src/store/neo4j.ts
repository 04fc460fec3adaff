import { readFile } from 'node:fs/promises';
import neo4j, { Neo4jError, type Driver, type Integer, type ManagedTransaction, type Session } from 'neo4j-driver';
import { UserError } from '../errors.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type GraphJson, type RelationType } from '../types.js';

/** Where the server is and who we are: `NEO4J_URI`, `NEO4J_USERNAME`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`. */
export interface Neo4jConnection {
  uri: string;
  username: string;
  /** Empty: connect without authentication (the local server's default). */
  password: string;
  /** Unset: the server's default database. */
  database?: string;
}

export interface LoadOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Evidence sentences kept per relationship, across loads. */
  evidencePerRelation?: number;
  /** Called after each committed batch with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void;
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
export const DEFAULT_EVIDENCE_PER_RELATION = 10;
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
    return neo4j.driver(connection.uri, auth, { disableLosslessIntegers: true, connectionTimeout: 10_000 });
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
      await session.run(statement);
    } catch (error) {
      // Two loads starting at once may both create the same rule; the other one's is as good.
      if (!(error instanceof Neo4jError && /AlreadyExists/.test(error.code))) throw error;
    }
  }
  await session.run('CALL db.awaitIndexes(300)');
}

// Statements: labels and relationship types come from our vocabulary, never from the data;
// every value is a parameter.
const entityStatement = (type: EntityType) => `
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:${type}, e.type = row.type,
    e.name = CASE WHEN e.name IS NULL OR size(row.name) > size(e.name) THEN row.name ELSE e.name END,
    e.aliases = coalesce(e.aliases, []) + [alias IN row.aliases WHERE NOT alias IN coalesce(e.aliases, [])]`;

const DOCUMENT_STATEMENT = `
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.props`;

const MENTION_STATEMENT = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (d:Document {id: row.document})
MERGE (e)-[m:MENTIONED_IN]->(d)
SET m.count = row.count`;

/** Evidence is kept as two parallel lists (sentence, document), deduplicated on the pair and capped. */
const relationStatement = (type: RelationType) => `
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:${type}]->(t)
WITH r, row, coalesce(r.evidence, []) AS texts, coalesce(r.evidenceDocuments, []) AS documents
WITH r, row, texts, documents,
     [i IN range(0, size(row.evidence) - 1)
      WHERE NOT any(j IN range(0, size(texts) - 1)
                    WHERE texts[j] = row.evidence[i] AND documents[j] = row.evidenceDocuments[i])] AS fresh
SET r += row.props,
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
    r.evidence = (texts + [i IN fresh | row.evidence[i]])[0..$evidenceCap],
    r.evidenceDocuments = (documents + [i IN fresh | row.evidenceDocuments[i]])[0..$evidenceCap]`;

interface Step {
  what: string;
  statement: string;
  rows: Record<string, unknown>[];
  creates: 'nodes' | 'relationships';
}

/** The load as a list of statements with their rows, in dependency order; rejects types outside our vocabulary. */
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

  for (const relation of json.relations) {
    if (!(RELATION_TYPES as readonly string[]).includes(relation.type)) {
      throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: unknown type (known: ${RELATION_TYPES.join(', ')})`);
    }
    for (const end of [relation.source, relation.target]) {
      if (!entityIds.has(end)) throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: no entity with id ${end}`);
    }
  }
  for (const type of RELATION_TYPES) {
    const rows = json.relations
      .filter((relation) => relation.type === type)
      .map((relation) => ({
        source: relation.source,
        target: relation.target,
        props: definedOnly(relation.properties ?? {}),
        confidence: relation.confidence ?? null,
        evidence: (relation.evidence ?? []).map((evidence) => evidence.text),
        evidenceDocuments: (relation.evidence ?? []).map((evidence) => evidence.document),
      }));
    if (rows.length) steps.push({ what: type, statement: relationStatement(type), rows, creates: 'relationships' });
  }
  return steps;
}

/**
 * Load an extraction into Neo4j: schema first, then nodes and relationships in UNWIND batches, each
 * batch one managed write transaction (retried by the driver on transient errors). Idempotent:
 * loading the same graph again changes nothing; a second corpus merges into the first.
 */
export async function loadGraph(json: GraphJson, connection: Neo4jConnection, options: LoadOptions = {}): Promise<LoadSummary> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const evidenceCap = Math.max(0, options.evidencePerRelation ?? DEFAULT_EVIDENCE_PER_RELATION);
  const steps = planLoad(json);
  const total = steps.reduce((sum, step) => sum + step.rows.length, 0);
  const started = performance.now();
  const summary: LoadSummary = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0, batches: 0, seconds: 0 };

  await withNeo4j(connection, async (session) => {
    await applySchema(session);
    let done = 0;
    for (const step of steps) {
      for (let offset = 0; offset < step.rows.length; offset += batchSize) {
        const rows = step.rows.slice(offset, offset + batchSize);
        const counters = await runBatch(session, step, rows, evidenceCap, summary.batches + 1);
        if (step.creates === 'nodes') {
          summary.nodesCreated += counters.nodesCreated;
          summary.nodesUpdated += rows.length - counters.nodesCreated;
        } else {
          summary.relationshipsCreated += counters.relationshipsCreated;
          summary.relationshipsUpdated += rows.length - counters.relationshipsCreated;
        }
        summary.batches += 1;
        done += rows.length;
        options.onProgress?.(done, total);
      }
    }
  });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function runBatch(session: Session, step: Step, rows: Record<string, unknown>[], evidenceCap: number, batch: number) {
  try {
    // Integers go as Cypher INTEGERs (a JS number would be a FLOAT, which a list slice refuses).
    const result = await session.executeWrite((tx: ManagedTransaction) => tx.run(step.statement, { rows, evidenceCap: neo4j.int(evidenceCap) }));
    return result.summary.counters.updates();
  } catch (error) {
    if (!(error instanceof Neo4jError) || error.code === neo4j.error.SERVICE_UNAVAILABLE) throw error;
    throw new UserError(
      `batch ${batch} (${rows.length} ${step.what}) failed and was rolled back: ${error.message.split('\n')[0]}. ` +
        'Batches before it are stored; loading is idempotent, so run the same load again to complete it.',
    );
  }
}

/** Neo4j stores no null properties: drop undefined and null values. */
export function definedOnly<T>(values: Record<string, T | undefined | null>): Record<string, T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null)) as Record<string, T>;
}
