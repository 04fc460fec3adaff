import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../pipeline/index.js';
import type { ResultMessage, TaskMessage } from './messages.js';

/** A pool thread: runs the per-document pipeline on each document it is sent. */
const port = parentPort!;
port.on('message', ({ document }: TaskMessage) => {
  let result: ResultMessage;
  try {
    result = { extraction: extractDocument(document) };
  } catch (error) {
    // An Error crosses the thread boundary whole (message and stack).
    result = { error };
  }
  port.postMessage(result);
});
