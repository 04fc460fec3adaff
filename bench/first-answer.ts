/**
 * The first answer: `kg extract` on the bundled sample (the built CLI, as the `kg` bin runs it, from
 * start to exit: through the startup snapshot when it is usable, and in-process with
 * KG_SNAPSHOT=0) against raw compromise on the same file as a process of its own (`nlp(text)` and
 * its people, places and organizations). Runs alternate, so a busy machine slows all alike; the
 * median of each is reported, with the load average before and after.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE = 'data/sample/cnn-2001-putin-bush-abm.txt';

export interface FirstAnswer {
  file: string;
  runs: number;
  /** How `kg extract` ran: through the startup snapshot, or in-process (and why). */
  kgPath: string;
  kgSeconds: number;
  /** The same command with KG_SNAPSHOT=0. */
  kgInProcessSeconds: number;
  compromiseSeconds: number;
  /** The 1-minute load average before and after the runs. */
  load: [number, number];
}

const RAW_COMPROMISE = `
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
const doc = nlp(readFileSync(process.argv[1], 'utf8'));
process.stdout.write(JSON.stringify([doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')]));
`;

async function seconds(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { cwd: root, maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  return (performance.now() - started) / 1000;
}

const KG_EXTRACT = ['dist/cli/index.js', 'extract', SAMPLE, '-o', '/dev/null'];

/** KG_DEBUG makes the bin say when it does not use the snapshot. */
async function kgPath(): Promise<string> {
  const { stderr } = await run(process.execPath, KG_EXTRACT, { cwd: root, env: { ...process.env, KG_DEBUG: '1' } });
  const reason = /^kg: (no startup snapshot: .*|the startup snapshot did not start.*)$/m.exec(stderr)?.[1];
  return reason ? `in-process (${reason})` : 'startup snapshot';
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runFirstAnswerBench(runs = 7): Promise<FirstAnswer> {
  if (!existsSync(new URL('../dist/cli/index.js', import.meta.url))) throw new Error('no dist/cli/index.js: run npm run build first');
  const load = loadavg()[0]!;
  const path = await kgPath();
  const kg: number[] = [];
  const inProcess: number[] = [];
  const compromise: number[] = [];
  for (let i = 0; i < runs; i++) {
    kg.push(await seconds(KG_EXTRACT));
    compromise.push(await seconds(['--input-type=module', '-e', RAW_COMPROMISE, SAMPLE]));
    inProcess.push(await seconds(KG_EXTRACT, { KG_SNAPSHOT: '0' }));
  }
  return {
    file: SAMPLE,
    runs,
    kgPath: path,
    kgSeconds: median(kg),
    kgInProcessSeconds: median(inProcess),
    compromiseSeconds: median(compromise),
    load: [load, loadavg()[0]!],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runFirstAnswerBench();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
