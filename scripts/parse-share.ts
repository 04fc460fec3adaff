/**
 * `npx tsx scripts/parse-share.ts CORPUS.jsonl`: the share of sentences (and of words) that the
 * relation stage parses, by the gate of `src/pipeline/relations/parses.ts`.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/pipeline/analyze.js';
import { clean } from '../src/pipeline/clean.js';
import { getGazetteer } from '../src/pipeline/entities/gazetteer.js';
import { findMentions } from '../src/pipeline/entities/index.js';
import { sentencesToParse } from '../src/pipeline/relations/parses.js';
import { resolve } from '../src/pipeline/resolve.js';

const corpus = process.argv[2];
if (!corpus) {
  process.stderr.write('usage: npx tsx scripts/parse-share.ts CORPUS.jsonl\n');
  process.exit(1);
}
let sentences = 0;
let parsed = 0;
let words = 0;
let parsedWords = 0;
const gazetteer = getGazetteer();
for (const line of readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line) as { id: string; text: string };
  const analyzed = analyze(clean(text));
  const wanted = sentencesToParse(analyzed, resolve(id, analyzed, findMentions(analyzed, gazetteer), gazetteer), gazetteer);
  analyzed.tokens.forEach((tokens, s) => {
    sentences++;
    words += tokens.length;
    if (wanted[s]) {
      parsed++;
      parsedWords += tokens.length;
    }
  });
}
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;
process.stdout.write(`${corpus}: ${parsed} of ${sentences} sentences parsed (${percent(parsed, sentences)}), ${parsedWords} of ${words} words (${percent(parsedWords, words)})\n`);
