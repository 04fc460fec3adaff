/**
 * Trains the name tagger on CoNLL-2003 English train and reports its F1 on valid (PER/LOC/ORG,
 * exact spans, MISC excluded; the tagger alone, without the rules). Seeded: the same data and
 * options give the same model file.
 *
 *   npm run train:ner [-- --epochs N --folds K --buckets LOG2 --seed S --out FILE]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../src/io/write-file-atomic.js';
import { parseConll2003, scoreNer, type AnnotatedDocument } from '../src/eval/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { clean } from '../src/pipeline/clean.js';
import { getGazetteer } from '../src/pipeline/entities/gazetteer.js';
import { spanOffsets, tokenSpans } from '../src/pipeline/entities/tagger/align.js';
import { encodeNameTagger, NAME_TAGGER_PATH } from '../src/pipeline/entities/tagger/model.js';
import { tagNames, trainNameTagger, type NameTaggerModel, type TrainingDocument } from '../src/pipeline/entities/tagger/tagger.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: '../shared/data/conll2003/train.txt' },
    valid: { type: 'string', default: '../shared/data/conll2003/valid.txt' },
    epochs: { type: 'string', default: '8' },
    folds: { type: 'string', default: '4' },
    buckets: { type: 'string', default: '18' },
    seed: { type: 'string', default: '12' },
    out: { type: 'string', default: NAME_TAGGER_PATH },
  },
});

const started = Date.now();
const log = (message: string): void => void process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`);
const gazetteer = getGazetteer();

function read(path: string): AnnotatedDocument[] {
  try {
    return parseConll2003(readFileSync(path, 'utf8'), path);
  } catch (error) {
    console.error(`${path}: ${(error as Error).message}`);
    process.exit(1);
  }
}

function prepare(documents: AnnotatedDocument[]): TrainingDocument[] {
  return documents.map((document) => {
    const analyzed = analyze(clean(document.text));
    return { analyzed, names: tokenSpans(analyzed, [...document.gold, ...document.excluded]) };
  });
}

function score(model: NameTaggerModel, documents: AnnotatedDocument[], prepared: TrainingDocument[], firstPassOnly = false) {
  return scoreNer(
    documents.map((document, d) => {
      const { analyzed } = prepared[d]!;
      const predicted = tagNames(model, analyzed, gazetteer, firstPassOnly).flatMap((spans, s) =>
        spans
          .filter((span) => span.type !== 'MISC')
          .map((span) => {
            const offsets = spanOffsets(analyzed.tokens[s]!, span.start, span.end, gazetteer);
            return { ...offsets, type: span.type, text: analyzed.text.slice(offsets.start, offsets.end) };
          }),
      );
      return { ...document, predicted };
    }),
    { types: ['LOC', 'ORG', 'PER'] },
  );
}

const options = { epochs: Number(values.epochs), folds: Number(values.folds), bucketCount: 2 ** Number(values.buckets), seed: Number(values.seed) };
const trainDocuments = read(values.train);
const validDocuments = read(values.valid);
log(`analysing ${trainDocuments.length} + ${validDocuments.length} documents`);
const train = prepare(trainDocuments);
const valid = prepare(validDocuments);
log(`training: ${JSON.stringify(options)}`);
const model = trainNameTagger(train, gazetteer, { ...options, onEpoch: (name, epoch) => log(`${name}: epoch ${epoch}`) });
const firstPass = score(model, validDocuments, valid, true);
const report = score(model, validDocuments, valid);
for (const [name, { micro, perType }] of [['first pass', firstPass], ['both passes', report]] as const) {
  const f1 = (type: string): string => perType[type]!.f1.toFixed(4);
  log(`valid F1, tagger alone, ${name} (PER/LOC/ORG): ${micro.f1.toFixed(4)}; PER ${f1('PER')} LOC ${f1('LOC')} ORG ${f1('ORG')}`);
}
const bytes = encodeNameTagger(model, { data: 'CoNLL-2003 English train (Reuters RCV1, research use)', ...options, validF1: Number(report.micro.f1.toFixed(4)) });
await writeFileAtomic(values.out, bytes);
log(`wrote ${values.out} (${(bytes.length / 1e6).toFixed(1)} MB)`);
