/** A CSV file's text imported into a store, and a store exported as CSV text, as `npm run import/export` do. */
import { randomUUID } from 'node:crypto';
import { readCsv, writeCsv } from '../../src/app/transfer/csv-file';
import { exportRows } from '../../src/app/transfer/export-records';
import { importRows, type ImportOutcome } from '../../src/app/transfer/import-records';
import type { Store } from '../../src/store';

/** Imports `text` as the administrator would, on 30 November 2026, naming `source` in the audit notes. */
export async function importText(store: Store, text: string, source: string): Promise<ImportOutcome> {
  const read = readCsv(text);
  if (!read.ok) return read;
  return importRows(store, read.rows, {
    now: () => new Date('2026-11-30T09:00:00Z'),
    newId: () => randomUUID(),
    actor: 'admin-object-id',
    source,
  });
}

/** Everything in the store as the export writes it. */
export const exported = async (store: Store): Promise<string> => writeCsv(await exportRows(store));
