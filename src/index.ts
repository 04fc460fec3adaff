export * from './types.js';
export { UserError } from './errors.js';
export { extract, type ExtractOptions, type ExtractResult } from './extract.js';
export { extractDocument } from './pipeline/index.js';
export { mergeExtractions } from './pipeline/merge.js';
export { buildGraph, graphToJson, relationKey, type KnowledgeGraph } from './graph/build.js';
export { readDocuments, type ReadOptions } from './ingest/index.js';
export { runQuery, parseQuery, QueryError, type QueryResult, type PlainValue } from './query/index.js';
export { runNeo4jQuery } from './query/neo4j.js';
