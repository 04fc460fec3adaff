/** The connection to a Neo4j server: settings, the driver, the schema, and server errors as one-line UserErrors. */
import neo4j, { Neo4jError, type Driver, type Session } from 'neo4j-driver';
import { UserError } from '../errors.js';
import { readSchema } from './model.js';

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

/** Connect and retry time-out: a dead server is reported within about twice this (the driver's own default waits 30 s and more). */
export const DEFAULT_TIMEOUT_SECONDS = 4;
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
export async function retryTransient<T>(work: () => Promise<T>): Promise<T> {
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
