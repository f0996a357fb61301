/**
 * `npm run import` / `npm run export` against Table Storage (the test run's Azurite): the demo CSV
 * imports, importing it again changes nothing, a file with one bad row changes nothing and names
 * the row, and what is exported imports back to the same data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv, writeCsv } from '../../src/app/transfer/csv-file';
import { describeProblem } from '../../src/app/transfer/csv-format';
import { type ImportOutcome } from '../../src/app/transfer/import-records';
import { seedDemoData } from '../../src/demo/seed';
import type { Store } from '../../src/store';
import { aFreshStore } from '../support/storage';
import { exported, importText as importFile } from '../support/transfer';

const demoCsv = readFileSync(path.join(__dirname, '..', '..', 'docs', 'examples', 'import-demo.csv'), 'utf8');

const importText = (store: Store, text: string) => importFile(store, text, 'import-demo.csv');

/** The file with line `line` (header = 1) replaced by `replace(original)`. */
function withLine(text: string, line: number, replace: (original: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = replace(lines[line - 1] ?? '');
  return lines.join('\n');
}

async function auditCount(store: Store, serviceCode: string, subjectId: string): Promise<number> {
  return (await store.records.listAudit(serviceCode, subjectId)).length;
}

describe('importing the demo CSV', () => {
  let store: Store;
  let first: ImportOutcome;

  beforeAll(async () => {
    store = await aFreshStore();
    first = await importText(store, demoCsv);
  });

  it('creates the services, people with their roles, causes of concern, recommendations and AFIs', async () => {
    expect(first).toEqual({ ok: true, counts: { created: 15, updated: 0, unchanged: 0 }, reindexed: 4 });
    expect((await store.directory.getService('CHS'))?.name).toBe('Cheshire Fire and Rescue Service');
    const cos = await store.directory.getPerson('0b1e7c55-3c1a-4d2e-9f60-1a2b3c4d5e02');
    expect(cos).toMatchObject({ name: "Gareth O'Neill", roles: ['cos'] });
    const coc = await store.records.getCocWithRecommendations('CHS', 'CHS-1');
    expect(coc?.coc.value.finding).toBe(
      'The service\'s risk-based inspection programme does not focus on the highest-risk premises, and audits are "behind schedule".',
    );
    expect(coc?.recommendations.map((r) => [r.value.id, r.value.status, r.value.originalTargetDate])).toEqual(
      [
        ['CHS-1.1', 'inProgress', '2026-09-30'],
        ['CHS-1.2', 'open', '2026-12-31'],
      ],
    );
    expect((await store.records.getAfi('CUM', 'CUM-AFI-1'))?.value.questionRef).toBe('E2.3');
  });

  it('writes an audit event for each record it creates', async () => {
    const events = await store.records.listAudit('CHS', 'CHS-1');
    expect(events.map((e) => [e.action, e.subject.id, e.actor]).sort()).toEqual([
      ['record.imported', 'CHS-1', 'admin-object-id'],
      ['record.imported', 'CHS-1.1', 'admin-object-id'],
      ['record.imported', 'CHS-1.2', 'admin-object-id'],
    ]);
  });

  it('moves the id counters on, so the next CoC issued in the bot gets a new number', async () => {
    expect((await store.records.nextNumber('CHS', 'coc')).id).toBe('CHS-2');
    expect((await store.records.nextNumber('CHS', 'afi')).id).toBe('CHS-AFI-2');
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await exported(store);
    const auditBefore = await auditCount(store, 'CHS', 'CHS-1');
    const again = await importText(store, demoCsv);
    expect(again).toEqual({ ok: true, counts: { created: 0, updated: 0, unchanged: 15 }, reindexed: 0 });
    expect(await exported(store)).toBe(before);
    expect(await auditCount(store, 'CHS', 'CHS-1')).toBe(auditBefore);
  });

  it('updates a changed row in place, keeps the rest, and audits what changed', async () => {
    const changed = withLine(demoCsv, 12, (line) => line.replace(',open,', ',inProgress,'));
    const outcome = await importText(store, changed);
    expect(outcome).toEqual({ ok: true, counts: { created: 0, updated: 1, unchanged: 14 }, reindexed: 1 });
    const recommendation = await store.records.getRecommendation('CHS', 'CHS-1.2');
    expect(recommendation?.value.status).toBe('inProgress');
    const events = await store.records.listAudit('CHS', 'CHS-1');
    expect(events.find((e) => e.action === 'record.reimported')?.changes).toEqual([
      { field: 'status', from: 'open', to: 'inProgress' },
    ]);
  });
});

describe('a file with a bad row', () => {
  it.each([
    [10, 'pillar', (line: string) => line.replace(',effectiveness,', ',bravery,')],
    [5, 'roles', (line: string) => line.replace(',sll,', ',,')],
    [11, 'id', (line: string) => line.replace('CHS-1.1', 'CHS-2.1')],
    [14, 'coc', (line: string) => line.replace(',CUM-1,', ',CUM-9,').replace('CUM-1.1', 'CUM-9.1')],
    [10, 'hmi', (line: string) => line.replace('5e03', '5e04')],
    [15, 'target_date', (line: string) => line.replace('2027-01-29', '29/01/2027')],
    [12, 'id', (line: string) => line.replace('CHS-1.2', 'CHS-1.1')],
    [8, 'email', (line: string) => line.replace('tom.whitfield@example.gov.uk', 'tom at example')],
  ])('changes nothing and names line %i, column %s', async (line, column, spoil) => {
    const store = await aFreshStore();
    const outcome = await importText(store, withLine(demoCsv, line, spoil));
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([[line, column]]);
    expect(describeProblem(problems[0] ?? { line: 0, message: '' })).toMatch(
      new RegExp(`^line ${String(line)}, column ${column}: `),
    );
    expect(await store.directory.listServices()).toEqual([]);
    expect(await store.directory.listPeople()).toEqual([]);
    expect(await store.records.listCocs()).toEqual([]);
  });

  it('reports an unknown column in the header on line 1', () => {
    const read = readCsv(demoCsv.replace('question_ref', 'question'));
    expect(read.ok ? [] : read.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^line 1: unknown column question \(the columns are kind, id, /),
    ]);
  });

  it('leaves data already stored untouched when a later file fails', async () => {
    const store = await aFreshStore();
    await importText(store, demoCsv);
    const before = await exported(store);
    const spoilt = withLine(
      demoCsv.replace('Protection: risk-based inspection programme', 'A new title'),
      13,
      (l) => l.replace(',people,', ',morale,'),
    );
    expect((await importText(store, spoilt)).ok).toBe(false);
    expect(await exported(store)).toBe(before);
  });
});

describe('export', () => {
  it('gives a file that imports into an empty store as the same data (the demo data set)', async () => {
    const source = await aFreshStore();
    await seedDemoData(source);
    const csv = await exported(source);
    expect(csv.split('\n')[0]).toBe(
      'kind,id,service,name,text,region,tenant_id,email,roles,status,pillar,public_safety_risk,fieldwork_end_date,letter_date,target_date,question_ref,coc,sll,cos,hmi,chief_fire_officer,authority_chair,authority_name,report_published_date,fieldwork_start_date,check_copy_sent_date,website_published_date,action_plan_rule,action_plan_received_date,subject,at,by,rag,evidence_links,source,record',
    );
    const target = await aFreshStore();
    const outcome = await importText(target, csv);
    expect(outcome.ok ? 'ok' : outcome.problems.slice(0, 5).map(describeProblem)).toBe('ok');
    expect(await exported(target)).toBe(csv);
  });
});

describe('the names letters go to, in the file', () => {
  it('sets them from the service row, and an older file without the columns keeps them', async () => {
    const store = await aFreshStore();
    const header = demoCsv.split('\n')[0] ?? '';
    const named = [
      `${header},chief_fire_officer,authority_chair,authority_name`,
      ...demoCsv
        .split('\n')
        .slice(1)
        .filter((line) => line !== '')
        .map((line) =>
          line.startsWith('service,CHS,')
            ? `${line},Alex Waller,Cllr Stef Nelson,Cheshire Fire Authority`
            : `${line},,,`,
        ),
    ].join('\n');

    expect((await importText(store, named)).ok).toBe(true);
    const names = {
      chiefFireOfficer: 'Alex Waller',
      authorityChair: 'Cllr Stef Nelson',
      authorityName: 'Cheshire Fire Authority',
    };
    expect(await store.directory.getService('CHS')).toMatchObject(names);

    expect((await importText(store, demoCsv)).ok).toBe(true);
    expect(await store.directory.getService('CHS')).toMatchObject(names);
    expect((await exported(store)).split('\n').find((line) => line.startsWith('service,CHS,'))).toMatch(
      /,Alex Waller,Cllr Stef Nelson,Cheshire Fire Authority,,,,,,,,,,,,,"\{/,
    );
  });
});

describe('progress updates in the file', () => {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

  it('carries every progress update of the demo store into an empty one, as they were', async () => {
    const source = await aFreshStore();
    await seedDemoData(source);
    const csv = await exported(source);
    expect(csv).toContain('\nprogress,BUC-1.1-U1,BUC,');

    const target = await aFreshStore();
    expect((await importText(target, csv)).ok).toBe(true);

    const before = (await source.records.listServiceProgress()).sort(byId);
    expect(before.length).toBeGreaterThan(0);
    expect((await target.records.listServiceProgress()).sort(byId)).toEqual(before);
  });

  it('never changes a stored update, and names the line of one that differs or has no record', async () => {
    const store = await aFreshStore();
    await seedDemoData(store);
    const csv = await exported(store);
    const lines = csv.split('\n');
    const line = lines.findIndex((l) => l.startsWith('progress,BUC-1.1-U1,')) + 1;
    const changed = withLine(csv, line, (original) => original.replace('Quarterly update:', 'Rewritten:'));
    const orphanRow = writeCsv([
      {
        kind: 'progress',
        id: 'HWF-9.1-U1',
        service: 'HWF',
        subject: 'HWF-9.1',
        at: '2026-11-01T10:00:00Z',
        by: '00000000-0000-0000-0000-00000000a001',
        text: 'A note.',
        source: 'sllNote',
      },
    ]).split('\n')[1];
    const orphan = `${csv.trimEnd()}\n${orphanRow ?? ''}\n`;

    const refused = await importText(store, changed);
    const noRecord = await importText(store, orphan);

    expect(refused.ok ? [] : refused.problems.map(describeProblem)).toEqual([
      `line ${String(line)}, column id: progress update BUC-1.1-U1 is stored with other values; progress updates are never changed`,
    ]);
    expect(noRecord.ok ? [] : noRecord.problems.map(describeProblem)).toEqual([
      `line ${String(lines.length)}, column subject: HWF-9.1 is neither in the file nor stored`,
    ]);
    expect(await exported(store)).toBe(csv);
  });
});

describe('the dates and rule of a cause of concern in the file', () => {
  it('carries the publication, factual-accuracy and early publication dates, the action-plan rule and plan', async () => {
    const source = await aFreshStore();
    await seedDemoData(source);
    const csv = await exported(source);
    const target = await aFreshStore();

    expect((await importText(target, csv)).ok).toBe(true);

    expect((await target.records.getCoc('BUC', 'BUC-1'))?.value).toMatchObject({
      reportPublishedDate: '2026-06-24',
      checkCopySentDate: '2025-11-28',
      websitePublishedDate: '2025-12-12',
      actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
      actionPlanReceivedDate: '2025-12-19',
    });
  });

  it('names the column of a rule it cannot read', async () => {
    const store = await aFreshStore();
    await seedDemoData(store);
    const csv = await exported(store);
    const line = csv.split('\n').findIndex((l) => l.startsWith('coc,BUC-1,')) + 1;

    const outcome = await importText(
      store,
      withLine(csv, line, (original) => original.replace('workingDaysFromLetter:28', 'within a month')),
    );

    expect(outcome.ok ? [] : outcome.problems.map(describeProblem)).toEqual([
      `line ${String(line)}, column action_plan_rule: must be workingDaysFromLetter:28, daysFromLetter:28, daysFromPublication:28 or fixedDate:YYYY-MM-DD`,
    ]);
  });
});
