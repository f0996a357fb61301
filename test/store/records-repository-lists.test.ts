import type { RecordChange, RecordEntity, Store } from '../../src/store';
import { aCauseOfConcern, anAreaForImprovement, aProgressUpdate, aRecommendation } from '../support/builders';
import { aFreshStore } from '../support/storage';

function create(entity: RecordEntity): RecordChange {
  return { kind: 'create', entity };
}

describe('RecordsRepository lists for finding what needs attention', () => {
  let store: Store;

  beforeAll(async () => {
    store = await aFreshStore();
    await store.records.commit('BUC', [
      create({ type: 'coc', value: aCauseOfConcern({ id: 'BUC-1' }) }),
      create({ type: 'recommendation', value: aRecommendation({ id: 'BUC-1.2', cocId: 'BUC-1' }) }),
      create({ type: 'recommendation', value: aRecommendation({ id: 'BUC-1.10', cocId: 'BUC-1' }) }),
      create({ type: 'recommendation', value: aRecommendation({ id: 'BUC-1.1', cocId: 'BUC-1' }) }),
      create({ type: 'coc', value: aCauseOfConcern({ id: 'BUC-10', title: 'Tenth' }) }),
      create({ type: 'recommendation', value: aRecommendation({ id: 'BUC-10.1', cocId: 'BUC-10' }) }),
      create({ type: 'afi', value: anAreaForImprovement({ id: 'BUC-AFI-1' }) }),
      {
        kind: 'append',
        entity: { type: 'progress', value: aProgressUpdate({ id: 'p1', subjectId: 'BUC-1.1' }) },
      },
      {
        kind: 'append',
        entity: { type: 'progress', value: aProgressUpdate({ id: 'p2', subjectId: 'BUC-AFI-1' }) },
      },
    ]);
    await store.records.commit('HWF', [
      create({ type: 'coc', value: aCauseOfConcern({ id: 'HWF-1', serviceCode: 'HWF' }) }),
      create({
        type: 'recommendation',
        value: aRecommendation({ id: 'HWF-1.1', cocId: 'HWF-1', serviceCode: 'HWF' }),
      }),
      {
        kind: 'append',
        entity: {
          type: 'progress',
          value: aProgressUpdate({ id: 'p3', subjectId: 'HWF-1.1', serviceCode: 'HWF' }),
        },
      },
    ]);
  });

  it('reads every CoC of a service with its own recommendations, numbered the way people count', async () => {
    const listed = await store.records.listCocsWithRecommendations('BUC');

    expect(listed.map((entry) => entry.coc.value.id)).toEqual(['BUC-1', 'BUC-10']);
    expect(listed[0]?.recommendations.map((r) => r.value.id)).toEqual(['BUC-1.1', 'BUC-1.2', 'BUC-1.10']);
    expect(listed[1]?.recommendations.map((r) => r.value.id)).toEqual(['BUC-10.1']);
    expect(listed[0]?.coc.etag).toEqual(expect.any(String));
  });

  it('reads the CoCs of every service when no service is named', async () => {
    const listed = await store.records.listCocsWithRecommendations();

    expect(listed.map((entry) => entry.coc.value.id).sort()).toEqual(['BUC-1', 'BUC-10', 'HWF-1']);
    expect(
      listed.find((entry) => entry.coc.value.id === 'HWF-1')?.recommendations.map((r) => r.value.id),
    ).toEqual(['HWF-1.1']);
  });

  it('reads all the progress updates of one service, and of every service', async () => {
    expect((await store.records.listServiceProgress('BUC')).map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect((await store.records.listServiceProgress()).map((p) => p.id).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(await store.records.listServiceProgress('KEN')).toEqual([]);
  });
});
