/**
 * `npm run import -- file.csv [--as <object id>]`: loads regions, services, people and roles,
 * causes of concern, recommendations and areas for improvement from a CSV file, and from a whole
 * backup also recommendations to external bodies, action plans, progress updates, closure requests
 * and requests for an update (layout in docs/import-export.md). Every row is checked first; if any is wrong, the problems are listed by
 * line and nothing is written. Importing the same file again changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '../src/app/transfer/csv-file';
import type { NumberedRow } from '../src/app/transfer/import-records';
import { describeProblem } from '../src/app/transfer/csv-format';
import { registerIndexing } from '../src/app/follow-ups';
import { createAppContext } from '../src/app/shared/app-context';
import { importRows } from '../src/app/transfer/import-records';
import { runOnTransferStore } from './lib/transfer-store';

/** The file's rows and who runs the import, or the exit code after saying what is wrong. */
function readArguments(): { file: string; actor: string; rows: NumberedRow[] } | number {
  const args = process.argv.slice(2);
  const asFlag = args.indexOf('--as');
  const actor = asFlag >= 0 ? (args.splice(asFlag, 2)[1] ?? '') : 'csv-import';
  const [file] = args;
  if (!file || actor === '') {
    console.error('Usage: npm run import -- <file.csv> [--as <your Entra object id>]');
    return 2;
  }
  const read = readCsv(readFileSync(file, 'utf8'));
  if (!read.ok) {
    read.problems.forEach((problem) => console.error(`${file}, ${describeProblem(problem)}`));
    console.error('Nothing was imported.');
    return 1;
  }
  return { file, actor, rows: read.rows };
}

const read = readArguments();
if (typeof read === 'number') process.exit(read);
const { file, actor, rows } = read;
runOnTransferStore(async (target) => {
  const context = createAppContext(target.store);
  registerIndexing(context);
  const outcome = await importRows(target.store, rows, {
    now: () => new Date(),
    newId: () => randomUUID(),
    actor,
    source: path.basename(file),
    outbox: context.outbox,
  });
  if (!outcome.ok) {
    outcome.problems.forEach((problem) => console.error(`${file}, ${describeProblem(problem)}`));
    console.error(`Nothing was imported: ${String(outcome.problems.length)} problem(s) to fix first.`);
    return 1;
  }
  await context.outbox.idle();
  const { created, updated, unchanged } = outcome.counts;
  console.log(
    `Imported ${path.basename(file)} into ${target.where}: ${String(created)} new, ${String(updated)} changed, ${String(unchanged)} already up to date; due dates re-indexed for ${String(outcome.reindexed)} record(s).`,
  );
  return 0;
});
