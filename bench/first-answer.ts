/**
 * The first answer: `kg extract` on the bundled sample (the built CLI, as the `kg` bin runs it, from
 * start to exit) against raw compromise on the same file as a process of its own (`nlp(text)` and
 * its people, places and organizations). Runs alternate, so a busy machine slows both alike; the
 * median of each is reported.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE = 'data/sample/cnn-2001-putin-bush-abm.txt';

export interface FirstAnswer {
  file: string;
  runs: number;
  kgSeconds: number;
  compromiseSeconds: number;
}

const RAW_COMPROMISE = `
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
const doc = nlp(readFileSync(process.argv[1], 'utf8'));
process.stdout.write(JSON.stringify([doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')]));
`;

async function seconds(args: string[]): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { cwd: root, maxBuffer: 64 << 20 });
  return (performance.now() - started) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runFirstAnswerBench(runs = 7): Promise<FirstAnswer> {
  if (!existsSync(new URL('../dist/cli/index.js', import.meta.url))) throw new Error('no dist/cli/index.js: run npm run build first');
  const kg: number[] = [];
  const compromise: number[] = [];
  for (let i = 0; i < runs; i++) {
    kg.push(await seconds(['dist/cli/index.js', 'extract', SAMPLE, '-o', '/dev/null']));
    compromise.push(await seconds(['--input-type=module', '-e', RAW_COMPROMISE, SAMPLE]));
  }
  return { file: SAMPLE, runs, kgSeconds: median(kg), compromiseSeconds: median(compromise) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runFirstAnswerBench();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
