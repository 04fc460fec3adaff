import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import { buildGraph } from '../graph/build.js';
import { formatResult, RESULT_FORMATS, type ResultFormat } from '../query/format.js';
import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_SECONDS, explainQuery, runQuery, type QueryLimits, type QueryResult } from '../query/index.js';
import { runNeo4jQuery } from '../query/neo4j.js';
import { connectionFromEnv, withNeo4j } from '../store/connection.js';
import { addGraphSourceOptions, loadGraphJson, type GraphSourceOptions } from './inputs.js';

interface QueryOptions extends GraphSourceOptions {
  execute?: string;
  file?: string;
  param?: Record<string, unknown>;
  format: ResultFormat;
  neo4j?: boolean;
  timeout: number;
  maxRows: number;
  maxMemory?: number;
  explain?: boolean;
}

export function register(program: Command): void {
  addGraphSourceOptions(
    program
      .command('query')
      .description('Ask the graph a read-only Cypher question, in memory or in Neo4j (the same query, the same rows).'),
  )
    .option('-e, --execute <cypher>', 'the query text')
    .option('-f, --file <file.cypher>', 'read the query from a file')
    .option('--param <name=value>', 'a query parameter ($name); the value is read as JSON when it parses, else as a string (repeatable)', collectParameter)
    .addOption(new Option('--format <format>', 'output format').choices(RESULT_FORMATS).default('table'))
    .option('--neo4j', 'run in Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD); the default when NEO4J_URI is set and no inputs are given')
    .option('--timeout <seconds>', 'stop the query after this long, in memory or in Neo4j (a transaction time-out)', positiveNumber('--timeout'), DEFAULT_TIMEOUT_SECONDS)
    .option('--max-rows <n>', 'in memory: stop when one clause holds more rows (sorting, grouping, DISTINCT, the result)', positiveNumber('--max-rows'), DEFAULT_MAX_ROWS)
    .option('--max-memory <MB>', 'in memory: stop when the heap grows past this (default: 80% of the heap limit)', positiveNumber('--max-memory'))
    .option('--explain', 'in memory: print where each pattern starts and how, instead of running the query')
    .addHelpText(
      'after',
      `
Examples:
  kg query article.txt -e "MATCH (a:Person)-[r:MET_WITH]-(b) RETURN a.name, b.name, r.place"
  kg query --graph graph.json -f cypher/queries/entity-facts.cypher --param name="George W. Bush"
  kg query --neo4j -e "MATCH (n:Entity) RETURN n.type, count(*) ORDER BY count(*) DESC" --format csv`,
    )
    .action(async (inputs: string[], options: QueryOptions) => {
      const query = await readQueryText(options);
      const useNeo4j = options.neo4j || (Boolean(process.env.NEO4J_URI) && inputs.length === 0 && !options.graph);
      const parameters = options.param ?? {};
      if (options.explain) {
        process.stdout.write(`${explainQuery(buildGraph(await loadGraphJson(inputs, options)), query).join('\n')}\n`);
        return;
      }
      const limits: QueryLimits = { timeoutSeconds: options.timeout, maxRows: options.maxRows, maxMemoryMB: options.maxMemory };
      const result = useNeo4j ? await queryNeo4j(query, parameters, options.timeout) : runQuery(buildGraph(await loadGraphJson(inputs, options)), query, parameters, limits);
      process.stdout.write(formatResult(result, options.format));
    });
}

async function readQueryText(options: QueryOptions): Promise<string> {
  if (options.execute !== undefined && options.file) throw new UserError('give either -e QUERY or -f FILE.cypher, not both');
  if (options.execute !== undefined) return options.execute;
  if (!options.file) throw new UserError('no query: give -e "MATCH …" or -f FILE.cypher');
  try {
    return await readFile(options.file, 'utf8');
  } catch {
    throw new UserError(`${options.file}: cannot read the file`);
  }
}

function collectParameter(text: string, parameters: Record<string, unknown> = {}): Record<string, unknown> {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UserError(`--param ${text}: expected name=value`);
  const value = text.slice(equals + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = value;
  }
  return { ...parameters, [text.slice(0, equals)]: parsed };
}

async function queryNeo4j(query: string, parameters: Record<string, unknown>, timeoutSeconds: number): Promise<QueryResult> {
  const connection = connectionFromEnv();
  return withNeo4j(connection, (_session, driver) => runNeo4jQuery(driver, query, parameters, connection.database, timeoutSeconds));
}

function positiveNumber(option: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new UserError(`${option} ${text}: expected a positive number`);
    return value;
  };
}
