/**
 * `npm run import` / `npm run export` against Table Storage (the test run's Azurite): the demo CSV
 * imports, importing it again changes nothing, a file with one bad row changes nothing and names
 * the row, and what is exported imports back to the same data.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv, writeCsv } from '../../src/app/transfer/csv-file';
import { describeProblem } from '../../src/app/transfer/csv-format';
import { exportRows } from '../../src/app/transfer/export-records';
import { importRows, type ImportOutcome } from '../../src/app/transfer/import-records';
import { seedDemoData } from '../../src/demo/seed';
import type { Store } from '../../src/store';
import { aFreshStore } from '../support/storage';

const demoCsv = readFileSync(path.join(__dirname, '..', '..', 'docs', 'examples', 'import-demo.csv'), 'utf8');

async function importText(store: Store, text: string): Promise<ImportOutcome> {
  const read = readCsv(text);
  if (!read.ok) return read;
  return importRows(store, read.rows, {
    now: () => new Date('2026-11-30T09:00:00Z'),
    newId: () => randomUUID(),
    actor: 'admin-object-id',
    source: 'import-demo.csv',
  });
}

const exported = async (store: Store): Promise<string> => writeCsv(await exportRows(store));

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
      'kind,id,service,name,text,region,tenant_id,email,roles,status,pillar,public_safety_risk,fieldwork_end_date,letter_date,target_date,question_ref,coc,sll,cos,hmi,record',
    );
    const target = await aFreshStore();
    const outcome = await importText(target, csv);
    expect(outcome.ok ? 'ok' : outcome.problems.slice(0, 5).map(describeProblem)).toBe('ok');
    expect(await exported(target)).toBe(csv);
  });
});
