/**
 * Every obligation is reminded, whatever path its data came by: a CoC imported while the bot runs,
 * a target date moved by an import, an area for improvement issued in chat. Each is read from the
 * daily digest in the service channel, over the Bot Framework protocol; `sweep now` also says the
 * due index agreed with the records before it swept, so nothing here was mended on the way.
 */
import { randomUUID } from 'node:crypto';
import { registerIndexing } from '../../src/app/follow-ups';
import { issueAreaForImprovement } from '../../src/app/issue/issue-area-for-improvement';
import { createAppContext } from '../../src/app/shared/app-context';
import { readCsv } from '../../src/app/transfer/csv-file';
import { importRows, type ImportOutcome } from '../../src/app/transfer/import-records';
import { addCalendarDays, formatLongDate } from '../../src/domain/clock';
import type { LocalDate } from '../../src/domain/records';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';

const serviceChannel = '19:service-updates@thread.tacv2';
const inChannel = { conversationType: 'channel', mentionBot: true } as const;
const header =
  'kind,id,service,name,text,region,tenant_id,email,roles,status,pillar,public_safety_risk,fieldwork_end_date,letter_date,target_date,question_ref,coc,sll,cos,hmi';

/** A file with one BUC cause of concern whose one recommendation is due on `targetDate`. */
function importedCoc(targetDate: LocalDate): string {
  const { sll, cos, hmi } = demoPeople;
  return [
    header,
    `coc,BUC-9,BUC,Response: availability of on-call crews,"On-call appliances are often unavailable at night.",,,,,open,effectiveness,no,2026-09-18,2026-10-09,,,,${sll.objectId},${cos.objectId},${hmi.objectId}`,
    `recommendation,BUC-9.1,,,"The service should make sure enough on-call crews are available at night.",,,,,open,,,,,${targetDate},,BUC-9,,,`,
  ].join('\n');
}

const morningOf = (date: LocalDate): Date => new Date(`${date}T10:00:00Z`);

describe('every obligation in the daily digest, whatever path its data came by', () => {
  const app = useAppUnderTest();

  /** Imports a file as `npm run import` does: a process of its own, re-indexing before it ends. */
  async function importFile(text: string): Promise<ImportOutcome> {
    const importer = createAppContext(app.store, { now: () => app.appContext.now() });
    registerIndexing(importer);
    const read = readCsv(text);
    if (!read.ok) throw new Error('the test file does not read');
    const outcome = await importRows(app.store, read.rows, {
      now: importer.now,
      newId: () => randomUUID(),
      actor: demoPeople.admin.objectId,
      source: 'test.csv',
      outbox: importer.outbox,
    });
    await importer.outbox.idle();
    return outcome;
  }

  /** `sweep now` on the morning of `date`: the answer and the digest text posted to BUC's channel. */
  async function sweepOn(date: LocalDate): Promise<{ answer: string; digest: string }> {
    app.setNow(morningOf(date));
    const before = app.connector.calls.length;
    const turn = await app.client.sendMessage('sweep now', demoPeople.admin);
    const digest = app.connector.calls
      .slice(before)
      .filter((call) => call.method === 'POST' && call.conversationId === serviceChannel)
      .map((call) => visibleText(call.activity.attachments?.[0]?.content))
      .filter((text) => text.startsWith('Reminders for'))
      .join('\n');
    return { answer: turn.texts.join('\n'), digest };
  }

  beforeAll(async () => {
    await app.client.sendMessage('help', demoPeople.sll);
    await app.client.sendMessage('register service BUC', demoPeople.sll, inChannel);
    await sweepOn(demoToday); // the first sweep builds the index; what follows is kept by each path
  });

  it('names a CoC imported while the bot runs, due in two days, in the next digest', async () => {
    const today = addCalendarDays(demoToday, 1);
    app.setNow(morningOf(today));
    const due = addCalendarDays(today, 2);

    const outcome = await importFile(importedCoc(due));

    expect(outcome).toMatchObject({ ok: true, reindexed: 1 });
    const { answer, digest } = await sweepOn(today);
    expect(answer).toMatch(/^The due index agreed with all \d+ records\./);
    expect(digest).toContain(`Target date of BUC-9.1: ${formatLongDate(due)} · 2 days left`);
  });

  it('reminds a target date moved by an import at its new date only', async () => {
    const moved = addCalendarDays(demoToday, 20);
    await importFile(importedCoc(moved));

    const oldDatePassed = await sweepOn(addCalendarDays(demoToday, 4));
    expect(oldDatePassed.answer).toMatch(/^The due index agreed with all \d+ records\./);
    expect(oldDatePassed.digest).not.toContain('BUC-9.1');

    const dayBefore = await sweepOn(addCalendarDays(moved, -1));
    expect(dayBefore.digest).toContain(`Target date of BUC-9.1: ${formatLongDate(moved)} · 1 day left`);
  });

  it('names an area for improvement due in three days, until its SLL marks it complete', async () => {
    const today = addCalendarDays(demoToday, 21);
    app.setNow(morningOf(today));
    const due = addCalendarDays(today, 3);
    const issued = await issueAreaForImprovement(app.appContext, demoPeople.sll, {
      formId: randomUUID(),
      serviceCode: 'BUC',
      questionRef: 'E2.1',
      text: 'The service should make sure it evaluates its prevention work.',
      finding: 'Prevention activity is not evaluated.',
      targetDate: due,
      sll: demoPeople.sll.objectId,
      cos: demoPeople.cos.objectId,
    });
    if (!issued.ok) throw new Error(issued.error.reason);
    const afiId = issued.value.afi.id;
    await app.appContext.outbox.idle();

    const named = await sweepOn(today);
    expect(named.answer).toMatch(/^The due index agreed with all \d+ records\./);
    expect(named.digest).toContain(`Target date of ${afiId}: ${formatLongDate(due)} · 3 days left`);
    expect(named.digest).toContain(`Open ${afiId}`);

    const shown = await app.store.records.getAfi('BUC', afiId);
    await app.client.sendInvoke('completeAfi', { afiId, updatedAt: shown?.value.updatedAt }, demoPeople.sll);
    await app.appContext.outbox.idle();
    const met = await sweepOn(addCalendarDays(today, 1));
    expect(met.digest).not.toContain(afiId);
  });
});
