// The privacy team's export: JSON Lines or CSV, written page by page with backpressure, so a million rows take
// the memory of one page.
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { readRecords, type StoredRecord, type TimeRange } from './repository.js'
import type { Queryable } from './store.js'

export type ExportFormat = 'jsonl' | 'csv'
export const EXPORT_FORMATS: ExportFormat[] = ['jsonl', 'csv']

export const CSV_COLUMNS: (keyof StoredRecord)[] = [
  'id',
  'createdAt',
  'updatedAt',
  'expiresAt',
  'receivedAt',
  'revision',
  'configHash',
  'method',
  'gpc',
  'mode',
  'region',
  'language',
  'url',
  'categories',
  'services'
]

/**
 * One CSV cell (RFC 4180 quoting). A cell that a spreadsheet would read as a formula (=, +, -, @, tab, return)
 * starts with an apostrophe, so opening an export never runs anything a site's visitor could have sent.
 */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value == 'object' ? JSON.stringify(value) : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text
}

export const csvLine = (record: StoredRecord) => CSV_COLUMNS.map((column) => csvCell(record[column])).join(',') + '\r\n'
export const jsonLine = (record: StoredRecord) => JSON.stringify(record) + '\n'

/** Writes the records of `range` to `output` (not ended). Returns how many were written. */
export async function writeExport(database: Queryable, range: TimeRange, format: ExportFormat, output: Writable): Promise<number> {
  let line = format == 'csv' ? csvLine : jsonLine
  let written = 0
  if (format == 'csv' && !output.write(CSV_COLUMNS.join(',') + '\r\n')) await once(output, 'drain')
  for await (let page of readRecords(database, range)) {
    written += page.length
    if (!output.write(page.map(line).join(''))) await once(output, 'drain')
  }
  return written
}
