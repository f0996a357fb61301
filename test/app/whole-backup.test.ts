/**
 * Whole backups: an export of the demo store, with one record of every kind the backup carries
 * (a recommendation to an external body with its progress and a decided closure request, an action
 * plan, a request for an update, a revisit and a monitoring level), imports into an empty store and exports again byte for byte, and
 * the two stores hold the same records. A file with one bad backup row writes nothing.
 */
import { describeProblem } from '../../src/app/transfer/csv-format';
import { backupKinds } from '../../src/app/transfer/backup-kinds';
import { seedDemoData } from '../../src/demo/seed';
import { demoPeople } from '../../src/demo/people';
import { extraDemoPeople } from '../../src/demo/extra-people';
import type {
  ClosureRequest,
  EngagementRequest,
  MonitoringLevel,
  ProgressUpdate,
  Revisit,
} from '../../src/domain/records';
import type { Store } from '../../src/store';
import { aFreshStore } from '../support/storage';
import { exported, importText as importFile } from '../support/transfer';

const importText = (store: Store, text: string) => importFile(store, text, 'backup.csv');

/** Every record of every kind a store holds, as plain values (audit events and counters aside). */
async function recordsOf(store: Store) {
  const { records, directory } = store;
  const backups = await Promise.all(backupKinds.map((kind) => kind.exportAll(store)));
  return {
    regions: await directory.listRegions(),
    services: await directory.listServices(),
    people: (await directory.listPeople()).sort((a, b) => a.objectId.localeCompare(b.objectId)),
    cocs: (await records.listCocsWithRecommendations()).map((c) => ({
      coc: c.coc.value,
      recommendations: c.recommendations.map((r) => r.value),
    })),
    afis: (await records.listAfis()).map((a) => a.value).sort((a, b) => a.id.localeCompare(b.id)),
    backups,
  };
}

/** One record of each kind the demo data set lacks: a closure request, a request for an update, and the external recommendation's progress. */
async function addOneOfEachKind(store: Store): Promise<void> {
  const progress: ProgressUpdate = {
    id: 'progress-ext-1',
    subjectId: 'EXT-1',
    serviceCode: 'EXT',
    at: '2026-10-01T09:00:00.000Z',
    by: demoPeople.deputyPortfolioDirector.objectId,
    rag: 'amber',
    text: 'The NFCC has a draft of the guidance, with "quotes", commas, and\na line break.',
    evidenceLinks: ['https://nfcc.example.org/draft.pdf'],
    source: 'sllNote',
  };
  const closure: ClosureRequest = {
    id: 'closure-ext-1',
    subject: { kind: 'recommendation', id: 'EXT-1' },
    serviceCode: 'EXT',
    requestedBy: demoPeople.deputyPortfolioDirector.objectId,
    requestedAt: '2026-10-02T09:00:00.000Z',
    evidenceLinks: ['https://nfcc.example.org/draft.pdf'],
    validationNote: 'Read the draft.',
    steps: [
      {
        role: 'hmi',
        decision: 'rejected',
        by: demoPeople.hmi.objectId,
        at: '2026-10-03T09:00:00.000Z',
        reason: 'Not published yet.',
      },
      { role: 'sro' },
    ],
    status: 'rejected',
  };
  const engagement: EngagementRequest = {
    id: 'engagement-buc-1',
    serviceCode: 'BUC',
    cocId: 'BUC-1',
    requestedBy: demoPeople.sll.objectId,
    requestedAt: '2026-11-02T09:00:00.000Z',
    dueDate: '2026-11-16',
    status: 'open',
  };
  await store.records.commit('EXT', [
    { kind: 'append', entity: { type: 'progress', value: progress } },
    { kind: 'create', entity: { type: 'closure', value: closure } },
  ]);
  const revisit: Revisit = {
    id: 'BUC-1-R1',
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    firstDay: '2026-11-10',
    lastDay: '2026-11-11',
    purpose: 'Check the protection audits are back on track.',
    team: 'Alex Carter, Sam Patel',
    proposedBy: demoPeople.sll.objectId,
    proposedAt: '2026-10-20T09:00:00.000Z',
    steps: [
      { role: 'cos', decision: 'approved', by: demoPeople.cos.objectId, at: '2026-10-21T09:00:00.000Z' },
      { role: 'hmi', decision: 'approved', by: demoPeople.hmi.objectId, at: '2026-10-22T09:00:00.000Z' },
    ],
    status: 'approved',
    initialFindingsDate: '2026-11-11',
    findings: [],
    updatedAt: '2026-11-11T16:00:00.000Z',
    updatedBy: demoPeople.sll.objectId,
  };
  const monitoring: MonitoringLevel = {
    serviceCode: 'BUC',
    level: 'enhancedSupport',
    triggers: [],
    support: ['nfcc'],
    note: 'Protection audits keep slipping.',
    updatedAt: '2026-11-12T09:00:00.000Z',
    updatedBy: demoPeople.hmi.objectId,
  };
  await store.records.commit('BUC', [
    { kind: 'create', entity: { type: 'engagement', value: engagement } },
    { kind: 'create', entity: { type: 'revisit', value: revisit } },
    { kind: 'create', entity: { type: 'monitoring', value: monitoring } },
  ]);
}

describe('a whole backup', () => {
  let source: Store;
  let csv: string;

  beforeAll(async () => {
    source = await aFreshStore();
    await seedDemoData(source);
    await addOneOfEachKind(source);
    csv = await exported(source);
  });

  it('holds a row of every kind, each with its whole record', () => {
    const kinds = new Set(
      csv
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    );
    for (const kind of [
      'region',
      'service',
      'person',
      'coc',
      'recommendation',
      'afi',
      'external',
      'action-plan',
      'progress',
      'closure',
      'engagement',
      'revisit',
      'monitoring',
    ])
      expect(kinds).toContain(kind);
    expect(csv.split('\n')[0]?.endsWith(',source,record')).toBe(true);
  });

  it('imports into an empty store, exports again byte for byte, and both stores hold the same records', async () => {
    const target = await aFreshStore();
    const outcome = await importText(target, csv);
    expect(outcome.ok ? 'ok' : outcome.problems.slice(0, 5).map(describeProblem)).toBe('ok');
    expect(await exported(target)).toBe(csv);
    expect(await recordsOf(target)).toEqual(await recordsOf(source));
    const rejected = await target.records.getClosureRequest('EXT', 'closure-ext-1');
    expect(rejected?.value.steps[0]?.reason).toBe('Not published yet.');
    // The bot's next external recommendation continues the numbering.
    expect((await target.records.nextNumber('EXT', 'ext')).id).toBe('EXT-2');
  });

  it('changes nothing when imported again into the store it restored', async () => {
    const target = await aFreshStore();
    await importText(target, csv);
    const again = await importText(target, csv);
    expect(again.ok && again.counts.created + again.counts.updated).toBe(0);
    expect(await exported(target)).toBe(csv);
  });

  it.each([
    [
      'an action plan about a record that is nowhere',
      (line: string) => line.replace(/""subjectId"":""[^"]+""/, '""subjectId"":""ZZZ-1""'),
      'action-plan',
      'record',
      /neither in the file nor stored/,
    ],
    [
      'a closure request whose status is not one',
      (line: string) => line.replace('""status"":""rejected""', '""status"":""maybe""'),
      'closure',
      'record',
      /^status /,
    ],
    [
      'an engagement row whose record is not JSON',
      (line: string) => line.replace(/"\{.*\}"$/, '"{not json"'),
      'engagement',
      'record',
      /is not readable JSON/,
    ],
  ])('writes nothing when a backup row is wrong: %s', async (_name, spoil, kind, column, message) => {
    const lines = csv.split('\n');
    const index = lines.findIndex((line) => line.startsWith(`${kind},`));
    lines[index] = spoil(lines[index] ?? '');
    const target = await aFreshStore();
    const outcome = await importText(target, lines.join('\n'));
    const problems = outcome.ok ? [] : outcome.problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([[index + 1, column]]);
    expect(problems[0]?.message).toMatch(message);
    expect(await target.directory.listServices()).toEqual([]);
    expect(await target.records.listExternalRecommendations()).toEqual([]);
  });

  it('refuses to overwrite a record changed since the backup, and writes nothing', async () => {
    const target = await aFreshStore();
    await importText(target, csv);
    const stored = await target.records.getEngagementRequest('BUC', 'engagement-buc-1');
    if (!stored) throw new Error('not restored');
    await target.records.commit('BUC', [
      {
        kind: 'update',
        etag: stored.etag,
        entity: {
          type: 'engagement',
          value: {
            ...stored.value,
            status: 'answered',
            answeredBy: extraDemoPeople.sloBuckinghamshire.objectId,
            answeredAt: '2026-11-10T09:00:00.000Z',
          },
        },
      },
    ]);
    const before = await exported(target);
    const outcome = await importText(target, csv);
    expect(outcome.ok ? [] : outcome.problems.map(describeProblem)).toEqual([
      expect.stringMatching(
        /column record: this request for an update is already stored with different content/,
      ),
    ]);
    expect(await exported(target)).toBe(before);
  });

  it('names every field an older backup puts back in the re-import’s audit event, not only the columns', async () => {
    const target = await aFreshStore();
    await importText(target, csv);
    const stored = await target.records.getRecommendation('BUC', 'BUC-1.1');
    if (!stored) throw new Error('not restored');
    const revision = {
      date: '2027-12-31',
      reason: 'The audit slipped.',
      by: demoPeople.sll.objectId,
      at: '2026-11-29T09:00:00.000Z',
    };
    await target.records.commit('BUC', [
      {
        kind: 'update',
        etag: stored.etag,
        entity: {
          type: 'recommendation',
          value: { ...stored.value, targetDateRevisions: [...stored.value.targetDateRevisions, revision] },
        },
      },
    ]);

    expect((await importText(target, csv)).ok).toBe(true);

    const reimported = (await target.records.listAudit('BUC', 'BUC-1')).find(
      (event) => event.action === 'record.reimported' && event.subject.id === 'BUC-1.1',
    );
    expect(reimported?.changes.map((change) => change.field)).toContain('targetDateRevisions');
    expect((await target.records.getRecommendation('BUC', 'BUC-1.1'))?.value.targetDateRevisions).toEqual(
      stored.value.targetDateRevisions,
    );
  });
});
