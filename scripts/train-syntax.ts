/**
 * Trains the syntax model (tagger, parser, labeler, lemmas) on UD English EWT and writes
 * data/models/syntax-en-ewt.kgm. Seeded: the same data give the same weights.
 *
 *   npm run train:syntax [-- --tagger-epochs 8 --parser-epochs 10 --folds 4 --seed 1]
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConllu } from '../src/syntax/conllu.js';
import { evaluateUd } from '../src/syntax/evaluate.js';
import { SYNTAX_MODEL_PATH } from '../src/syntax/index.js';
import { trainSyntaxModel } from '../src/syntax/train.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/ud/en_ewt' },
    output: { type: 'string', default: SYNTAX_MODEL_PATH },
    'tagger-epochs': { type: 'string', default: '8' },
    'parser-epochs': { type: 'string', default: '10' },
    folds: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    explore: { type: 'string', default: '0.9' },
  },
});

const read = (name: string) => parseConllu(readFileSync(`${values.data}/${name}.conllu`, 'utf8'), `${values.data}/${name}.conllu`);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const train = read('train');
const dev = read('dev');

const model = trainSyntaxModel(train, {
  taggerEpochs: Number(values['tagger-epochs']),
  parserEpochs: Number(values['parser-epochs']),
  folds: Number(values.folds),
  seed: Number(values.seed),
  explore: Number(values.explore),
  log: (line) => console.log(line),
  onEpoch: (stage, epoch, trainAccuracy, snapshot) => {
    const report = evaluateUd(dev, snapshot());
    const scores = stage === 'tagger' ? `dev UPOS ${report.upos.toFixed(4)}` : `dev UPOS ${report.upos.toFixed(4)} UAS ${report.uas.toFixed(4)} LAS ${report.las.toFixed(4)}`;
    console.log(`${stage} epoch ${epoch}: train ${trainAccuracy.toFixed(4)}, ${scores} (${elapsed()})`);
    // Dev LAS picks the parser epoch that ships (early stopping).
    return report.las;
  },
});
await model.save(values.output);
console.log(`wrote ${values.output} (${(statSync(values.output).size / 1e6).toFixed(1)} MB) in ${elapsed()}`);
