/**
 * The due index over the real store: built from the seed, kept by every write path (a change in
 * chat, an import), each record's rows replaced under an ETag, and a consistency check that finds
 * and mends a record written behind the index's back.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerIndexing } from '../../src/app/follow-ups';
import { completeAreaForImprovement } from '../../src/app/records/complete-area-for-improvement';
import { reviseTargetDate } from '../../src/app/records/revise-target-date';
import { checkDueIndex, rebuildDueIndex, refreshRecordIndex } from '../../src/app/reminders/due-index';
import { createAppContext } from '../../src/app/shared/app-context';
import { readCsv } from '../../src/app/transfer/csv-file';
import { importRows } from '../../src/app/transfer/import-records';
import { demoPeople } from '../../src/demo/people';
import { createStore } from '../../src/store';
import { startAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { testConnectionString, uniqueTablePrefix } from '../support/storage';

const demoCsv = readFileSync(path.join(__dirname, '..', '..', 'docs', 'examples', 'import-demo.csv'), 'utf8');

describe('the due index', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startAppUnderTest();
    await rebuildDueIndex(app.appContext);
  });
  afterAll(async () => {
    await app.close();
  });

  it('holds every unmet obligation of the seed, AFIs included, readable by due date up to a day', async () => {
    const all = await app.store.dueIndex.listDueUpTo('2099-12-31');
    const inWeek = await app.store.dueIndex.listDueUpTo('2026-11-29');

    expect(all.length).toBeGreaterThan(inWeek.length);
    expect(inWeek.every((entry) => entry.dueDate <= '2026-11-29')).toBe(true);
    expect(inWeek.map((entry) => `${entry.subjectId} ${entry.kind}`)).toEqual(
      expect.arrayContaining(['BUC-1.1 targetDate', 'BUC-2.2 targetDate', 'BUC-1.3 targetDate']),
    );
    expect(all.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['engagement', 'quarterlyUpdate']));
    expect(all.filter((entry) => entry.recordId.startsWith('HWF-AFI-')).map((entry) => entry.kind)).toContain(
      'targetDate',
    );
  });

  it('follows a revised target date once the change is saved, and leaves nothing in the outbox', async () => {
    const result = await reviseTargetDate(app.appContext, demoPeople.sll, {
      recommendationId: 'BUC-1.1',
      date: '2027-03-31',
      reason: 'The new fleet arrives in March.',
    });
    expect(result.ok).toBe(true);
    await app.appContext.outbox.idle();

    const inWeek = await app.store.dueIndex.listDueUpTo('2026-11-29');
    const later = await app.store.dueIndex.listDueUpTo('2027-03-31');
    expect(inWeek.find((entry) => entry.subjectId === 'BUC-1.1')).toBeUndefined();
    expect(later.find((entry) => entry.subjectId === 'BUC-1.1')).toMatchObject({
      kind: 'targetDate',
      dueDate: '2027-03-31',
      recordId: 'BUC-1',
    });
    expect(await app.store.records.listOutbox()).toEqual([]);
  });

  it('drops an AFI from the index once its SLL marks it complete', async () => {
    const afi = await app.store.records.getAfi('HWF', 'HWF-AFI-1');
    expect(afi?.value.status).toBe('open');
    const completed = await completeAreaForImprovement(app.appContext, demoPeople.sll, {
      afiId: 'HWF-AFI-1',
    });
    expect(completed.ok).toBe(true);
    await app.appContext.outbox.idle();

    const all = await app.store.dueIndex.listDueUpTo('2099-12-31');
    expect(all.filter((entry) => entry.recordId === 'HWF-AFI-1')).toEqual([]);
  });

  it('refuses to replace a record whose index was changed since it was read (ETag on its row)', async () => {
    const current = await app.store.dueIndex.readRecord('BUC', 'BUC-2');
    expect(current).not.toBeNull();
    const next = { serviceCode: 'BUC', recordId: 'BUC-2', entries: [], contacts: current?.contacts ?? {} };
    await app.store.dueIndex.replaceRecord(next, current);
    await expect(app.store.dueIndex.replaceRecord(next, current)).rejects.toThrow(
      'was changed by someone else',
    );
  });

  it('writes only the record’s own row when a refresh moves no date, and the moved rows when one does', async () => {
    await app.appContext.outbox.idle();
    const sent: string[] = [];
    app.store.tables.scheduler.pipeline.addPolicy({
      name: 'test-record-index-requests',
      sendRequest: (request, next) => {
        sent.push(`${request.method} ${request.url.includes('$batch') ? 'transaction' : 'row'}`);
        return next(request);
      },
    });
    const job = { serviceCode: 'HWF', recordId: 'HWF-1', contacts: [] };
    const before = (await app.store.dueIndex.listDueUpTo('2099-12-31')).filter((e) => e.recordId === 'HWF-1');
    expect(before.length).toBeGreaterThan(0);

    sent.length = 0;
    await refreshRecordIndex(app.appContext, job);
    expect(sent).toEqual(['GET row', 'PUT row']);
    const after = (await app.store.dueIndex.listDueUpTo('2099-12-31')).filter((e) => e.recordId === 'HWF-1');
    expect(after).toEqual(before);

    const revised = await reviseTargetDate(app.appContext, demoPeople.sll, {
      recommendationId: 'HWF-1.1',
      date: '2027-06-30',
      reason: 'The new fleet arrives in June.',
    });
    expect(revised.ok).toBe(true);
    sent.length = 0;
    await app.appContext.outbox.idle();
    expect(sent).toEqual(['GET row', 'POST transaction']);
    const moved = (await app.store.dueIndex.listDueUpTo('2099-12-31')).filter((e) => e.recordId === 'HWF-1');
    expect(moved.find((e) => e.subjectId === 'HWF-1.1' && e.kind === 'targetDate')?.dueDate).toBe(
      '2027-06-30',
    );
  });

  it('finds a record written behind its back, and mends it when asked', async () => {
    const found = await checkDueIndex(app.appContext, { repair: false });
    expect(found.outOfStep.map((record) => record.recordId)).toContain('BUC-2');

    const mended = await checkDueIndex(app.appContext, { repair: true });
    expect(mended.repaired).toBe(true);
    const again = await checkDueIndex(app.appContext, { repair: false });
    expect(again).toMatchObject({ outOfStep: [], orphans: 0, repaired: false });
  });
});

describe('the due index after an import', () => {
  it('holds the imported records’ due dates as soon as the import has finished', async () => {
    const store = createStore({ connectionString: testConnectionString(), tablePrefix: uniqueTablePrefix() });
    await store.ensureTables();
    const context = createAppContext(store, { now: () => new Date('2026-11-30T09:00:00Z') });
    registerIndexing(context);
    const read = readCsv(demoCsv);
    if (!read.ok) throw new Error('the demo CSV does not read');

    const outcome = await importRows(store, read.rows, {
      now: context.now,
      newId: () => randomUUID(),
      actor: 'admin-object-id',
      source: 'import-demo.csv',
      outbox: context.outbox,
    });
    await context.outbox.idle();

    expect(outcome.ok && outcome.reindexed).toBeGreaterThan(0);
    const check = await checkDueIndex(context, { repair: false });
    expect(check.records).toBe(outcome.ok ? outcome.reindexed : -1);
    expect(check.outOfStep).toEqual([]);
    expect((await store.dueIndex.listDueUpTo('2099-12-31')).length).toBeGreaterThan(0);
    expect(await store.records.listOutbox()).toEqual([]);
  });

  it('leaves the re-indexing in the outbox when the importer has none, for the bot to do', async () => {
    const store = createStore({ connectionString: testConnectionString(), tablePrefix: uniqueTablePrefix() });
    await store.ensureTables();
    const read = readCsv(demoCsv);
    if (!read.ok) throw new Error('the demo CSV does not read');
    await importRows(store, read.rows, {
      now: () => new Date('2026-11-30T09:00:00Z'),
      newId: () => randomUUID(),
      actor: 'admin-object-id',
      source: 'import-demo.csv',
    });
    expect((await store.records.listOutbox()).length).toBeGreaterThan(0);

    const bot = createAppContext(store, { now: () => new Date('2026-11-30T10:00:00Z') });
    registerIndexing(bot);
    expect(await bot.outbox.recover()).toBeGreaterThan(0);
    expect(await store.records.listOutbox()).toEqual([]);
    expect((await checkDueIndex(bot, { repair: false })).outOfStep).toEqual([]);
  });
});
