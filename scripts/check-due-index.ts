/**
 * `npm run check:due-index [-- --report-only]`: compares the due index with the records (every CoC
 * with its recommendations, every AFI, their progress and requests for an update) and, unless
 * `--report-only`, mends it so the two agree. Says what it found. Works on the same store as
 * `npm run import` (the configured one, or the local Azurite of `npm start`).
 */
import { checkDueIndex } from '../src/app/reminders/due-index';
import { createAppContext } from '../src/app/shared/app-context';
import { loadConfig, readEnvironment } from '../src/config';
import { indexCheckText } from '../src/views/reminders/sweep-outcome-text';
import { runOnTransferStore } from './lib/transfer-store';

function usageProblem(args: readonly string[]): boolean {
  if (args.every((arg) => arg === '--report-only')) return false;
  console.error('Usage: npm run check:due-index [-- --report-only]');
  return true;
}

const args = process.argv.slice(2);
if (usageProblem(args)) process.exit(2);
runOnTransferStore(async (target) => {
  const config = loadConfig(readEnvironment());
  const context = createAppContext(target.store, { extraHolidays: config.extraBankHolidays });
  const check = await checkDueIndex(context, { repair: !args.includes('--report-only') });
  console.log(`Checked ${target.where}. ${indexCheckText(check)}`);
  return check.outOfStep.length > 0 && !check.repaired ? 1 : 0;
});
