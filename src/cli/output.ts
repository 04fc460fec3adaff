import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/** Write a command's output file atomically; a failure is the user's to fix (a missing folder, no permission, a full disk). */
export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw outputError(path, error);
  }
}

/** Before a long run: the folder of the output file must exist and be writable, or the work would be lost at the end. */
export async function checkWritable(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch (error) {
    throw outputError(path, error);
  }
}

export function outputError(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ? `${code}${REASONS[code] ? `: ${REASONS[code]}` : ''}` : (error as Error).message;
  return new UserError(`${path}: cannot write the output (${reason})`);
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file size limit reached',
  EISDIR: 'it is a folder',
};

/** "1 document", "2 documents". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
