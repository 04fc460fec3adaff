import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/** Write a command's output file atomically; a failure is the user's to fix (a missing folder, no permission). */
export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw new UserError(`${path}: cannot write the output (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
