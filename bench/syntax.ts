/**
 * Syntax speed on one thread: loading the model, then tokenizing, tagging, lemmatizing and parsing
 * the sentences of the first documents of the corpus (sentence splitting is not timed).
 */
import { readDocuments } from '../src/ingest/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { clean } from '../src/pipeline/clean.js';
import { parseSentence, SyntaxModel, SYNTAX_MODEL_PATH } from '../src/syntax/index.js';

export interface SyntaxBenchResult {
  loadMilliseconds: number;
  sentences: number;
  words: number;
  seconds: number;
  wordsPerSecond: number;
  /** Words per second of this thread's CPU time: the figure that holds on a busy machine. */
  wordsPerCpuSecond: number;
}

export async function runSyntaxBench(corpus: string, maxDocuments = 300): Promise<SyntaxBenchResult> {
  const loadStarted = performance.now();
  const model = SyntaxModel.load(SYNTAX_MODEL_PATH);
  const loadMilliseconds = performance.now() - loadStarted;
  const sentences: { text: string; start: number; end: number }[] = [];
  let documents = 0;
  for await (const document of readDocuments([corpus])) {
    const text = clean(document.text);
    for (const sentence of analyze(text).sentences) sentences.push({ text, start: sentence.start, end: sentence.end });
    if (++documents >= maxDocuments) break;
  }
  // One untimed round warms the JIT up.
  for (const s of sentences.slice(0, 200)) parseSentence(s.text, s.start, s.end, model);
  let words = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const s of sentences) words += parseSentence(s.text, s.start, s.end, model).tokens.length;
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { loadMilliseconds, sentences: sentences.length, words, seconds, wordsPerSecond: words / seconds, wordsPerCpuSecond: words / cpuSeconds };
}
