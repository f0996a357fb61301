import type { RecordChange, Store } from '../../src/store';
import { ConflictError, CorruptEntityError, InvalidStoreInputError } from '../../src/store';
import {
  aCauseOfConcern,
  anAreaForImprovement,
  anAuditEvent,
  aProgressUpdate,
  aRecommendation,
  owners,
} from '../support/builders';
import { aFreshStore } from '../support/storage';

const { cos } = owners;

/** The changes a "create CoC" use case would commit: counter, CoC, three recommendations, audit. */
async function createCocChanges(store: Store, title = aCauseOfConcern().title): Promise<RecordChange[]> {
  const reserved = await store.records.nextNumber('BUC', 'coc');
  const cocId = reserved.id;
  return [
    reserved.change,
    { kind: 'create', entity: { type: 'coc', value: aCauseOfConcern({ id: cocId, title }) } },
    ...[1, 2, 3].map((n): RecordChange => ({
      kind: 'create',
      entity: {
        type: 'recommendation',
        value: aRecommendation({ id: `${cocId}.${String(n)}`, cocId, text: `Recommendation ${String(n)}` }),
      },
    })),
    {
      kind: 'append',
      entity: {
        type: 'audit',
        value: anAuditEvent({ id: `${cocId}-created`, cocId, subject: { kind: 'coc', id: cocId } }),
      },
    },
  ];
}

describe('RecordsRepository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await aFreshStore();
  });

  it('commits a CoC with three recommendations and its audit event in one transaction and reads them back equal', async () => {
    const committed = await store.records.commit('BUC', await createCocChanges(store));

    expect(committed.map((change) => change.type)).toEqual([
      'counter',
      'coc',
      'recommendation',
      'recommendation',
      'recommendation',
      'audit',
    ]);
    const read = await store.records.getCocWithRecommendations('BUC', 'BUC-1');
    expect(read?.coc.value).toEqual(aCauseOfConcern());
    expect(read?.coc.etag).toBe(committed[1]?.etag);
    expect(read?.recommendations.map((r) => r.value)).toEqual(
      [1, 2, 3].map((n) =>
        aRecommendation({ id: `BUC-1.${String(n)}`, text: `Recommendation ${String(n)}` }),
      ),
    );
    expect(await store.records.listAudit('BUC', 'BUC-1')).toEqual([anAuditEvent({ id: 'BUC-1-created' })]);
  });

  it('leaves nothing behind when one row of the batch already exists', async () => {
    await store.records.commit('BUC', [
      { kind: 'create', entity: { type: 'recommendation', value: aRecommendation({ id: 'BUC-1.3' }) } },
    ]);

    const attempt = store.records.commit('BUC', await createCocChanges(store));

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      kind: 'already-exists',
      entity: { partitionKey: 'BUC', rowKey: 'coc|BUC-1|rec|BUC-1.3' },
    });
    expect(await store.records.getCoc('BUC', 'BUC-1')).toBeNull();
    expect(await store.records.getRecommendation('BUC', 'BUC-1.1')).toBeNull();
    expect(await store.records.listAudit('BUC', 'BUC-1')).toEqual([]);
    expect((await store.records.nextNumber('BUC', 'coc')).number).toBe(1);
  });

  it('lets only one of two writers holding the same ETag save', async () => {
    const [created] = await store.records.commit('BUC', [
      { kind: 'create', entity: { type: 'coc', value: aCauseOfConcern() } },
    ]);
    const etag = created?.etag ?? '';
    const byFirst: RecordChange = {
      kind: 'update',
      etag,
      entity: { type: 'coc', value: aCauseOfConcern({ rag: 'amber' }) },
    };
    const bySecond: RecordChange = {
      kind: 'update',
      etag,
      entity: { type: 'coc', value: aCauseOfConcern({ rag: 'red' }) },
    };

    const outcomes = await Promise.allSettled([
      store.records.commit('BUC', [byFirst]),
      store.records.commit('BUC', [bySecond]),
    ]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failure = outcomes.find((o) => o.status === 'rejected');
    expect(failure?.reason).toBeInstanceOf(ConflictError);
    expect(failure?.reason).toMatchObject({
      code: 'conflict',
      kind: 'changed',
      entity: { rowKey: 'coc|BUC-1|coc' },
    });
    const saved = await store.records.getCoc('BUC', 'BUC-1');
    expect(['amber', 'red']).toContain(saved?.value.rag);
  });

  it('makes the second of two creates that reserved the same number fail as a whole, so it can retry', async () => {
    const first = await createCocChanges(store, 'First');
    const second = await createCocChanges(store, 'Second');
    await store.records.commit('BUC', first);

    await expect(store.records.commit('BUC', second)).rejects.toMatchObject({
      code: 'conflict',
      entity: { rowKey: 'counter|coc' },
    });
    expect((await store.records.getCoc('BUC', 'BUC-1'))?.value.title).toBe('First');

    await store.records.commit('BUC', await createCocChanges(store, 'Second'));
    expect((await store.records.listCocs('BUC')).map((c) => `${c.value.id} ${c.value.title}`)).toEqual([
      'BUC-1 First',
      'BUC-2 Second',
    ]);
  });

  it('reads audit events newest first, up to the limit, without those of other CoCs', async () => {
    const events = ['2023-04-28T09:00:00Z', '2023-07-14T10:30:00+01:00', '2023-05-02T16:00:00Z'].map(
      (at, index) => anAuditEvent({ id: `e${String(index)}`, at }),
    );
    const elsewhere = anAuditEvent({
      id: 'other',
      cocId: 'BUC-10',
      subject: { kind: 'coc', id: 'BUC-10' },
      at: '2024-01-01T00:00:00Z',
    });
    await store.records.commit(
      'BUC',
      [...events, elsewhere].map((value): RecordChange => ({
        kind: 'append',
        entity: { type: 'audit', value },
      })),
    );

    expect((await store.records.listAudit('BUC', 'BUC-1')).map((e) => e.at)).toEqual([
      '2023-07-14T10:30:00+01:00',
      '2023-05-02T16:00:00Z',
      '2023-04-28T09:00:00Z',
    ]);
    expect((await store.records.listAudit('BUC', 'BUC-1', { limit: 1 })).map((e) => e.id)).toEqual(['e1']);
  });

  it('reads progress oldest first and keeps a recommendation apart from its CoC and from BUC-1.10', async () => {
    const updates = [
      aProgressUpdate({ id: 'p2', at: '2023-09-01T09:00:00Z' }),
      aProgressUpdate({ id: 'p1', at: '2023-07-14T10:30:00Z' }),
      aProgressUpdate({ id: 'p3', subjectId: 'BUC-1.10' }),
      aProgressUpdate({ id: 'p4', subjectId: 'BUC-1' }),
    ];
    await store.records.commit(
      'BUC',
      updates.map((value): RecordChange => ({ kind: 'append', entity: { type: 'progress', value } })),
    );

    expect((await store.records.listProgress('BUC', 'BUC-1.1')).map((p) => p.id)).toEqual(['p1', 'p2']);
    expect((await store.records.listProgress('BUC', 'BUC-1')).map((p) => p.id)).toEqual(['p4']);
  });

  it("reads a CoC's progress and its recommendations' in one go, leaving out BUC-10 and BUC-1x", async () => {
    const updates = [
      aProgressUpdate({ id: 'coc', subjectId: 'BUC-1' }),
      aProgressUpdate({ id: 'first', subjectId: 'BUC-1.1', at: '2023-07-14T10:30:00Z' }),
      aProgressUpdate({ id: 'later', subjectId: 'BUC-1.1', at: '2023-09-01T09:00:00Z' }),
      aProgressUpdate({ id: 'tenth', subjectId: 'BUC-1.10' }),
      aProgressUpdate({ id: 'other-coc', subjectId: 'BUC-10' }),
      aProgressUpdate({ id: 'other-recommendation', subjectId: 'BUC-10.1' }),
      aProgressUpdate({ id: 'afi', subjectId: 'BUC-AFI-1' }),
    ];
    await store.records.commit(
      'BUC',
      updates.map((value): RecordChange => ({ kind: 'append', entity: { type: 'progress', value } })),
    );

    const progress = await store.records.listProgressOfCoc('BUC', 'BUC-1');

    expect(progress.map((p) => p.id).sort()).toEqual(['coc', 'first', 'later', 'tenth']);
    expect(progress.filter((p) => p.subjectId === 'BUC-1.1').map((p) => p.id)).toEqual(['first', 'later']);
  });

  it('reads a CoC with its own recommendations only, in the order people count them', async () => {
    const recs = ['BUC-1.10', 'BUC-1.2', 'BUC-1.1'].map((id) => aRecommendation({ id }));
    const changes: RecordChange[] = [
      { kind: 'create', entity: { type: 'coc', value: aCauseOfConcern() } },
      { kind: 'create', entity: { type: 'coc', value: aCauseOfConcern({ id: 'BUC-10' }) } },
      {
        kind: 'create',
        entity: { type: 'recommendation', value: aRecommendation({ id: 'BUC-10.1', cocId: 'BUC-10' }) },
      },
      ...recs.map((value): RecordChange => ({ kind: 'create', entity: { type: 'recommendation', value } })),
    ];
    await store.records.commit('BUC', changes);

    const read = await store.records.getCocWithRecommendations('BUC', 'BUC-1');
    expect(read?.recommendations.map((r) => r.value.id)).toEqual(['BUC-1.1', 'BUC-1.2', 'BUC-1.10']);
    expect((await store.records.listCocs('BUC')).map((c) => c.value.id)).toEqual(['BUC-1', 'BUC-10']);
  });

  it('returns null for records that do not exist', async () => {
    expect(await store.records.getCoc('BUC', 'BUC-9')).toBeNull();
    expect(await store.records.getCocWithRecommendations('BUC', 'BUC-9')).toBeNull();
    expect(await store.records.getAfi('BUC', 'BUC-AFI-9')).toBeNull();
    expect(await store.records.getClosureRequest('BUC', 'nope')).toBeNull();
  });

  it('keeps AFIs and external recommendations, and lists CoCs across services', async () => {
    await store.records.commit('BUC', [
      { kind: 'create', entity: { type: 'afi', value: anAreaForImprovement() } },
    ]);
    await store.records.commit('HWF', [
      {
        kind: 'create',
        entity: { type: 'coc', value: aCauseOfConcern({ id: 'HWF-1', serviceCode: 'HWF' }) },
      },
    ]);
    await store.records.commit('BUC', [
      { kind: 'create', entity: { type: 'coc', value: aCauseOfConcern() } },
    ]);
    const external = aRecommendation({
      id: 'EXT-1',
      cocId: undefined,
      serviceCode: undefined,
      externalBody: 'Home Office',
    });
    await store.records.commit('EXT', [
      { kind: 'create', entity: { type: 'recommendation', value: external } },
    ]);

    expect((await store.records.listAfis('BUC')).map((a) => a.value)).toEqual([anAreaForImprovement()]);
    expect((await store.records.getRecommendation('EXT', 'EXT-1'))?.value).toEqual(external);
    expect((await store.records.listCocs()).map((c) => c.value.id).sort()).toEqual(['BUC-1', 'HWF-1']);
  });

  it('raises an error naming the table and keys when a stored row is corrupt', async () => {
    await store.tables.records.createEntity({
      partitionKey: 'BUC',
      rowKey: 'coc|BUC-1|coc',
      recordType: 'coc',
      title: 'half a CoC',
      ownersJson: '{not json',
    });

    const read = store.records.getCoc('BUC', 'BUC-1');

    await expect(read).rejects.toBeInstanceOf(CorruptEntityError);
    await expect(read).rejects.toThrow(`${store.tables.records.tableName}/BUC/coc|BUC-1|coc`);
  });

  it.each<[string, () => RecordChange[]]>([
    [
      'a row of another service',
      () => [
        {
          kind: 'create',
          entity: { type: 'coc', value: aCauseOfConcern({ id: 'HWF-1', serviceCode: 'HWF' }) },
        },
      ],
    ],
    [
      'more than 100 changes',
      () =>
        Array.from({ length: 101 }, (_, i) => ({
          kind: 'append',
          entity: { type: 'audit', value: anAuditEvent({ id: `e${String(i)}` }) },
        })),
    ],
    [
      'the same row twice',
      () => [
        { kind: 'create', entity: { type: 'coc', value: aCauseOfConcern() } },
        { kind: 'update', etag: '*', entity: { type: 'coc', value: aCauseOfConcern() } },
      ],
    ],
    [
      'an invalid record',
      () => [{ kind: 'create', entity: { type: 'coc', value: aCauseOfConcern({ id: 'not an id' }) } }],
    ],
    [
      'a recommendation filed under the wrong CoC',
      () => [
        { kind: 'create', entity: { type: 'recommendation', value: aRecommendation({ id: 'BUC-2.1' }) } },
      ],
    ],
  ])('refuses a commit with %s before sending anything', async (_story, changes) => {
    await expect(store.records.commit('BUC', changes())).rejects.toBeInstanceOf(InvalidStoreInputError);
    expect(await store.records.getCoc('BUC', 'BUC-1')).toBeNull();
  });

  it('commits exactly 100 changes, the transaction limit', async () => {
    const changes = Array.from({ length: 100 }, (_, i): RecordChange => ({
      kind: 'append',
      entity: { type: 'audit', value: anAuditEvent({ id: `e${String(i)}`, actor: cos }) },
    }));
    await store.records.commit('BUC', changes);
    expect(await store.records.listAudit('BUC', 'BUC-1')).toHaveLength(100);
  });
});
