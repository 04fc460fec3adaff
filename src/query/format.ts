/** Query results as text: an aligned table for people, JSON or CSV for programs. */
import { stringify } from 'csv-stringify/sync';
import type { QueryResult } from './execute.js';
import type { PlainValue } from './values.js';

export const RESULT_FORMATS = ['table', 'json', 'csv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export function formatResult(result: QueryResult, format: ResultFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result.rows, null, 2)}\n`;
    case 'csv':
      return stringify([result.columns, ...result.rows.map((row) => result.columns.map((column) => cell(row[column]!, '')))]);
    case 'table':
      return table(result);
  }
}

/** Strings as they are, everything else as compact JSON. */
function cell(value: PlainValue, nullText: string): string {
  if (value === null) return nullText;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function table(result: QueryResult): string {
  const cells = result.rows.map((row) => result.columns.map((column) => cell(row[column]!, 'null').replace(/\s+/g, ' ')));
  const widths = result.columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]): string => values.map((value, i) => value.padEnd(widths[i]!)).join(' | ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const count = `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`;
  return [line(result.columns), rule, ...cells.map(line), count].join('\n') + '\n';
}
