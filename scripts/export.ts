/**
 * `npm run export [-- file.csv]`: a whole backup: regions, services, people and roles, causes of
 * concern, recommendations, areas for improvement, recommendations to external bodies, action
 * plans, progress updates, closure requests and requests for an update, each row with its whole
 * record, in the layout `npm run import` reads (to standard output without a file name).
 */
import { writeFileSync } from 'node:fs';
import { writeCsv } from '../src/app/transfer/csv-file';
import { exportRows } from '../src/app/transfer/export-records';
import { openTransferStore } from './lib/transfer-store';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const source = await openTransferStore();
  try {
    const rows = await exportRows(source.store);
    const csv = writeCsv(rows);
    if (file) {
      writeFileSync(file, csv);
      console.error(`Exported ${String(rows.length)} rows from ${source.where} to ${file}.`);
    } else process.stdout.write(csv);
  } finally {
    await source.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
