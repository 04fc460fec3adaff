import { fileURLToPath } from 'node:url';
import { decodeModel, encodeModel, loadModel, type ModelContents } from '../../../learn/index.js';
import { UserError } from '../../../errors.js';
import { LABELS } from './labels.js';
import type { NameTaggerModel } from './tagger.js';

/** The name tagger's model file: both passes as sections, the label set and the training run as metadata. */

export const NAME_TAGGER_KIND = 'name-tagger';
export const NAME_TAGGER_PATH = fileURLToPath(new URL('../../../../data/models/name-tagger.kgm', import.meta.url));

export interface NameTaggerMeta {
  labels: readonly string[];
  /** What it was trained on and how: shown by the README, checked by nothing. */
  training: Record<string, unknown>;
}

export function encodeNameTagger(model: NameTaggerModel, training: Record<string, unknown>): Buffer {
  return encodeModel<NameTaggerMeta>({ kind: NAME_TAGGER_KIND, meta: { labels: LABELS, training }, sections: { first: model.first, second: model.second } });
}

export function decodeNameTagger(bytes: Buffer, source: string): NameTaggerModel {
  return checked(decodeModel<NameTaggerMeta>(bytes, source, NAME_TAGGER_KIND), source);
}

let loaded: NameTaggerModel | undefined;

/** The shipped model, read once per process (each worker thread reads its own). */
export function getNameTagger(): NameTaggerModel {
  loaded ??= checked(loadModel<NameTaggerMeta>(NAME_TAGGER_PATH, NAME_TAGGER_KIND), NAME_TAGGER_PATH);
  return loaded;
}

function checked(contents: ModelContents<NameTaggerMeta>, source: string): NameTaggerModel {
  const { first, second } = contents.sections;
  const labels = contents.meta.labels;
  if (!first || !second || labels.length !== LABELS.length || labels.some((label, i) => label !== LABELS[i])) {
    throw new UserError(`${source}: not a usable ${NAME_TAGGER_KIND} model (it was made for other labels or lacks a pass); retrain it with npm run train:ner`);
  }
  if (first.bucketCount !== second.bucketCount) throw new UserError(`${source}: not a usable ${NAME_TAGGER_KIND} model (its passes hash features differently)`);
  return { first, second };
}
