/** Small learned models: hashed features, an averaged perceptron, and their file format. */
export { continueHash, FeatureList, finishHash, FNV_OFFSET, hashRange, hashString, mixHash } from './hash.js';
export { AveragedPerceptron } from './perceptron.js';
export { decodeModel, encodeModel, loadModel, MODEL_FORMAT_VERSION, saveModel, type ModelContents } from './model-file.js';
