/** Small learned models: hashed features, an averaged perceptron, and their file format. */
export { FeatureList, finishHash, hashString, mixHash } from './hash.js';
export { AveragedPerceptron } from './perceptron.js';
export {
  adoptSharedModels,
  decodeModel,
  encodeModel,
  loadModel,
  loadSharedModels,
  MODEL_FORMAT_VERSION,
  saveModel,
  type ModelContents,
  type SharedModels,
} from './model-file.js';
