/**
 * Trains the syntax model (tagger, parser, labeler, lemmas) on UD English EWT and writes
 * data/models/syntax-en-ewt.kgm. Seeded: the same data give the same weights.
 *
 *   npm run train:syntax [-- --tagger-epochs 8 --parser-epochs 10 --folds 4 --seed 1 --parsers 3]
 *   npm run train:syntax [-- --tagging FILE]   # parser-only: the tagger stage is read from FILE, or written there when missing
 *   npm run train:syntax [-- --with-dev]       # train on train + dev for the epochs given (dev no longer held out: no early stopping)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadModel, saveModel } from '../src/learn/index.js';
import { parseConllu } from '../src/syntax/conllu.js';
import { evaluateUd } from '../src/syntax/evaluate.js';
import { SYNTAX_MODEL_PATH } from '../src/syntax/index.js';
import { Tagger } from '../src/syntax/tagger.js';
import { trainSyntaxModel, type Tagging } from '../src/syntax/train.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/ud/en_ewt' },
    output: { type: 'string', default: SYNTAX_MODEL_PATH },
    'tagger-epochs': { type: 'string', default: '8' },
    'parser-epochs': { type: 'string', default: '10' },
    folds: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    explore: { type: 'string', default: '0.9' },
    parsers: { type: 'string', default: '3' },
    'with-dev': { type: 'boolean', default: false },
    tagging: { type: 'string' },
  },
});

const read = (name: string) => parseConllu(readFileSync(`${values.data}/${name}.conllu`, 'utf8'), `${values.data}/${name}.conllu`);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const dev = read('dev');
const withDev = values['with-dev'];
const train = withDev ? [...read('train'), ...dev] : read('train');

/** The tagger stage in a model file: both passes, their dictionaries and the jackknifed training tags. */
interface TaggingMeta {
  xposTags: string[];
  uposTags: string[];
  xposDictionary: [string, number][];
  uposDictionary: [string, number][];
  trainingTags: { upos: number[]; xpos: number[] }[];
}
const TAGGING_KIND = 'syntax-tagging';
const taggingFile = values.tagging;
let tagging: Tagging | undefined;
if (taggingFile && existsSync(taggingFile)) {
  const { meta, sections } = loadModel<TaggingMeta>(taggingFile, TAGGING_KIND);
  tagging = {
    tagger: new Tagger([
      { tags: meta.xposTags, model: sections.xpos!, dictionary: new Map(meta.xposDictionary) },
      { tags: meta.uposTags, model: sections.upos!, dictionary: new Map(meta.uposDictionary) },
    ]),
    trainingTags: meta.trainingTags.map((tags) => ({ upos: Int32Array.from(tags.upos), xpos: Int32Array.from(tags.xpos) })),
  };
  console.log(`tagger stage read from ${taggingFile}`);
}
let taggingToSave: Tagging | undefined;

const model = trainSyntaxModel(train, {
  taggerEpochs: Number(values['tagger-epochs']),
  parserEpochs: Number(values['parser-epochs']),
  folds: Number(values.folds),
  seed: Number(values.seed),
  explore: Number(values.explore),
  parsers: Number(values.parsers),
  tagging,
  onTagging: (stage) => (taggingToSave = stage),
  log: (line) => console.log(line),
  onEpoch: (stage, epoch, trainAccuracy, snapshot) => {
    const report = evaluateUd(dev, snapshot());
    const scores = stage === 'tagger' ? `dev UPOS ${report.upos.toFixed(4)}` : `dev UPOS ${report.upos.toFixed(4)} UAS ${report.uas.toFixed(4)} LAS ${report.las.toFixed(4)}`;
    console.log(`${stage} epoch ${epoch}: train ${trainAccuracy.toFixed(4)}, ${scores}${withDev ? ' (trained on)' : ''} (${elapsed()})`);
    // Dev LAS picks the parser epoch that ships (early stopping), unless dev is trained on.
    return withDev ? undefined : report.las;
  },
});
if (taggingFile && taggingToSave) {
  const [xpos, upos] = taggingToSave.tagger.passes;
  const meta: TaggingMeta = {
    xposTags: [...xpos.tags],
    uposTags: [...upos.tags],
    xposDictionary: [...xpos.dictionary],
    uposDictionary: [...upos.dictionary],
    trainingTags: taggingToSave.trainingTags.map((tags) => ({ upos: [...tags.upos], xpos: [...tags.xpos] })),
  };
  await saveModel(taggingFile, { kind: TAGGING_KIND, meta, sections: { xpos: xpos.model, upos: upos.model } });
  console.log(`wrote the tagger stage to ${taggingFile}`);
}
if (Number(values.parsers) > 1) {
  const report = evaluateUd(dev, model);
  console.log(`the ${values.parsers} parsers averaged: dev UPOS ${report.upos.toFixed(4)} UAS ${report.uas.toFixed(4)} LAS ${report.las.toFixed(4)}${withDev ? ' (trained on)' : ''} (${elapsed()})`);
}
await model.save(values.output);
console.log(`wrote ${values.output} (${(statSync(values.output).size / 1e6).toFixed(1)} MB) in ${elapsed()}`);
