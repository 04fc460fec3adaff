import { UserError } from '../errors.js';

/** One JSONL line: `{id?, text, title?, date?, url?}`; other fields are ignored. */
export interface JsonlRecord {
  id?: string;
  text: string;
  title?: string;
  date?: string;
  url?: string;
}

const OPTIONAL_STRINGS = ['title', 'date', 'url'] as const;

/** Parse and check one non-blank JSONL line; `where` names the file and line in errors. */
export function parseRecord(line: string, where: string): JsonlRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new UserError(`${where}: malformed JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${where}: expected a JSON object {"text": …}, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`);
  }
  const fields = value as Record<string, unknown>;
  if (typeof fields.text !== 'string') throw new UserError(`${where}: the record has no string "text" field`);
  if (!fields.text.trim()) throw new UserError(`${where}: empty document ("text" is blank)`);
  const record: JsonlRecord = { text: fields.text };
  if (fields.id !== undefined && fields.id !== null) {
    if (typeof fields.id !== 'string' && typeof fields.id !== 'number') {
      throw new UserError(`${where}: "id" must be a string or a number`);
    }
    record.id = String(fields.id);
  }
  for (const name of OPTIONAL_STRINGS) {
    const field = fields[name];
    if (field === undefined || field === null) continue;
    if (typeof field !== 'string') throw new UserError(`${where}: "${name}" must be a string`);
    record[name] = field;
  }
  return record;
}

/** Whether a line is a JSON object: how stdin tells JSONL from plain text. */
export function isJsonObjectLine(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
