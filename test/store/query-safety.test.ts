import type { RecordChange, Store } from '../../src/store';
import { encodeKeyPart } from '../../src/store/keys';
import { aDelegation, aPerson, aProgressUpdate, owners } from '../support/builders';
import { aFreshStore } from '../support/storage';

const { cos, hmi } = owners;

const oddId = "King's Lynn' or PartitionKey ne '";

describe('queries with quotes and odd characters in values', () => {
  let store: Store;
  beforeEach(async () => {
    store = await aFreshStore();
  });

  it('finds the delegations of a person whose id holds a quote, and nothing else', async () => {
    await store.directory.upsertPerson(aPerson({ objectId: oddId }));
    await store.directory.putDelegation(aDelegation({ id: 'odd', from: oddId, to: hmi }));
    await store.directory.putDelegation(aDelegation({ id: 'plain', from: cos, to: hmi }));

    expect((await store.directory.listDelegations(oddId)).map((d) => d.id)).toEqual(['odd']);
    expect(await store.directory.getPerson(oddId)).toEqual(aPerson({ objectId: oddId }));
    expect(await store.directory.listDelegations("' or '1' eq '1")).toEqual([]);
  });

  it('lists the progress of a subject whose id holds a quote, and nothing else', async () => {
    const updates = [
      aProgressUpdate({ id: 'odd', subjectId: oddId }),
      aProgressUpdate({ id: 'plain', subjectId: 'BUC-1.1' }),
    ];
    await store.records.commit(
      'BUC',
      updates.map((value): RecordChange => ({ kind: 'append', entity: { type: 'progress', value } })),
    );

    expect((await store.records.listProgress('BUC', oddId)).map((p) => p.id)).toEqual(['odd']);
    expect(await store.records.listAudit('BUC', "x' or RowKey ne '")).toEqual([]);
  });

  it('keeps characters Table Storage forbids in keys, and our separator, inside their own key part', async () => {
    const awkward = 'a/b\\c#d?e|f%g';
    await store.directory.upsertPerson(aPerson({ objectId: awkward }));
    await store.directory.upsertPerson(aPerson({ objectId: 'a' }));

    expect((await store.directory.getPerson(awkward))?.objectId).toBe(awkward);
    expect(encodeKeyPart(awkward)).toBe('a%2Fb%5Cc%23d%3Fe%7Cf%25g');
    expect(encodeKeyPart('BUC-1.2')).toBe('BUC-1.2');
  });

  it('refuses a service code that is not one before it reaches a query', async () => {
    await expect(store.records.listCocs(oddId)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
