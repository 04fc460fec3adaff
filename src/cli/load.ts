import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { connectionFromEnv, DEFAULT_TIMEOUT_SECONDS } from '../store/connection.js';
import { DEFAULT_CONCURRENCY, loadGraph } from '../store/load.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_PER_RELATION } from '../store/model.js';
import { addGraphSourceOptions, loadGraphJson, wantsBar, type GraphSourceOptions } from './inputs.js';
import { counted } from './output.js';

interface LoadFlags extends GraphSourceOptions {
  uri?: string;
  username?: string;
  password?: string;
  database?: string;
  batchSize: number;
  concurrency: number;
  evidence: number;
  timeout: number;
  transactionTimeout?: number;
}

function count(name: string, minimum: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < minimum) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${minimum}`);
    return number;
  };
}

export function register(program: Command): void {
  addGraphSourceOptions(program.command('load').description('Load documents, or a saved extraction, into Neo4j (idempotent: loading again merges).'))
    .option('--uri <uri>', 'Bolt URI (default: $NEO4J_URI or bolt://127.0.0.1:7687)')
    .option('--username <name>', 'user (default: $NEO4J_USERNAME or neo4j)')
    .option('--password <password>', 'password (default: $NEO4J_PASSWORD; none: no authentication)')
    .option('--database <name>', "database (default: $NEO4J_DATABASE or the server's default)")
    .option('--batch-size <rows>', 'rows per transaction', count('--batch-size', 1), DEFAULT_BATCH_SIZE)
    .option('--concurrency <sessions>', 'batches sent at once, each in its own session', count('--concurrency', 1), DEFAULT_CONCURRENCY)
    .option('--evidence <sentences>', 'evidence sentences kept per relationship', count('--evidence', 0), DEFAULT_EVIDENCE_PER_RELATION)
    .option('--timeout <seconds>', 'give up on a server that does not answer: to connect, and retrying a batch it dropped', count('--timeout', 1), DEFAULT_TIMEOUT_SECONDS)
    .option('--transaction-timeout <seconds>', "the server rolls back a batch running longer (default: the server's setting)", count('--transaction-timeout', 1))
    .addHelpText(
      'after',
      `
Examples:
  $ npm run neo4j:start                                    # a local server on bolt://127.0.0.1:7687
  $ kg load data/sample/cnn-2001-putin-bush-abm.txt        # extract, then load
  $ kg load --graph graph.json --progress                  # load a saved extraction (kg extract -o graph.json)
  $ NEO4J_URI=neo4j://db:7687 NEO4J_PASSWORD=secret kg load --graph graph.json`,
    )
    .action(async (inputs: string[], flags: LoadFlags) => {
      const json = await loadGraphJson(inputs, flags);
      const connection = {
        ...connectionFromEnv({ uri: flags.uri, username: flags.username, password: flags.password, database: flags.database }),
        timeoutSeconds: flags.timeout,
      };
      // As in extract: a bar on a terminal, or with --progress a line every few seconds into a log.
      const bar = wantsBar(flags)
        ? new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: 'loading [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left',
              hideCursor: true,
              clearOnComplete: true,
              noTTYOutput: true,
              notTTYSchedule: 2_000,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      bar?.start(1, 0);
      try {
        const summary = await loadGraph(json, connection, {
          batchSize: flags.batchSize,
          concurrency: flags.concurrency,
          evidencePerRelation: flags.evidence,
          ...(flags.transactionTimeout && { transactionTimeoutSeconds: flags.transactionTimeout }),
          onProgress: (done, total) => (bar?.setTotal(total), bar?.update(done)),
        });
        bar?.stop();
        process.stderr.write(
          `loaded ${counted(json.documents.length, 'document')} into ${connection.uri}: ` +
            `nodes ${summary.nodesCreated} created, ${summary.nodesUpdated} updated; ` +
            `relationships ${summary.relationshipsCreated} created, ${summary.relationshipsUpdated} updated; ` +
            `${summary.batches} batches in ${summary.seconds.toFixed(1)} s\n`,
        );
      } finally {
        bar?.stop();
      }
    });
}
