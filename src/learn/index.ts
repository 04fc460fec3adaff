/** Small learned models: hashed features, an averaged perceptron, and their file format. */
export { FeatureList, finishHash, hashString, mixHash } from './hash.js';
export { AveragedPerceptron } from './perceptron.js';
export { decodeModel, encodeModel, loadModel, MODEL_FORMAT_VERSION, saveModel, type ModelContents } from './model-file.js';
