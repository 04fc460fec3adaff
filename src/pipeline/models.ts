import { NAME_TAGGER_KIND, NAME_TAGGER_PATH } from './entities/tagger/model.js';
import { SYNTAX_MODEL_KIND, SYNTAX_MODEL_PATH } from '../syntax/index.js';

/** The learned models the per-document pipeline reads: what a pool of worker threads shares. */
export const PIPELINE_MODELS = [
  { path: SYNTAX_MODEL_PATH, kind: SYNTAX_MODEL_KIND },
  { path: NAME_TAGGER_PATH, kind: NAME_TAGGER_KIND },
] as const;
