import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../pipeline/index.js';
import type { ResultMessage, TaskMessage } from './messages.js';

/** A pool thread: runs the per-document pipeline on each document it is sent. */
const port = parentPort!;
port.on('message', ({ task, document }: TaskMessage) => {
  let result: ResultMessage;
  try {
    result = { task, extraction: extractDocument(document) };
  } catch (error) {
    // An Error crosses the thread boundary whole (message and stack).
    result = { task, error };
  }
  port.postMessage(result);
});
