import type { Store } from '../../src/store';
import { aDelegation, aPerson, aService, owners } from '../support/builders';
import { aFreshStore } from '../support/storage';

const { cos, hmi, sll } = owners;

describe('DirectoryRepository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await aFreshStore();
  });

  it('keeps people, services, regions and delegations as they were given', async () => {
    const sam = aPerson({ objectId: sll, name: 'Sam Patel', email: 'sam.patel@example.org' });
    const morgan = aPerson({
      objectId: cos,
      name: 'Morgan Hughes',
      roles: ['cos'],
      serviceCodes: [],
      email: undefined,
    });
    const kingsLynn = aService({
      code: 'NFK',
      name: "Norfolk (King's Lynn) Fire & Rescue",
      regionId: 'eastern',
      chiefFireOfficer: 'Ceri Sumner',
    });
    await store.directory.upsertPerson(sam);
    await store.directory.upsertPerson(morgan);
    await store.directory.upsertService(kingsLynn);
    await store.directory.upsertRegion({ id: 'eastern', name: 'Eastern' });
    await store.directory.putDelegation(aDelegation());

    expect(await store.directory.getPerson(sll)).toEqual(sam);
    expect((await store.directory.listPeople()).map((p) => p.name).sort()).toEqual([
      'Morgan Hughes',
      'Sam Patel',
    ]);
    expect(await store.directory.getService('NFK')).toEqual(kingsLynn);
    expect(await store.directory.listServices()).toEqual([kingsLynn]);
    expect(await store.directory.listRegions()).toEqual([{ id: 'eastern', name: 'Eastern' }]);
    expect(await store.directory.listDelegations()).toEqual([aDelegation()]);
  });

  it('replaces a person on upsert, so a removed role is really gone', async () => {
    await store.directory.upsertPerson(aPerson({ objectId: sll, roles: ['sll', 'admin'] }));
    await store.directory.upsertPerson(aPerson({ objectId: sll, roles: ['sll'] }));

    expect((await store.directory.getPerson(sll))?.roles).toEqual(['sll']);
  });

  it('finds delegations given by or to a person, and forgets a removed one', async () => {
    await store.directory.putDelegation(aDelegation({ id: 'cos-leave', from: cos, to: hmi }));
    await store.directory.putDelegation(aDelegation({ id: 'hmi-leave', from: hmi, to: sll, role: 'hmi' }));

    expect((await store.directory.listDelegations(cos)).map((d) => d.id)).toEqual(['cos-leave']);
    expect((await store.directory.listDelegations(hmi)).map((d) => d.id).sort()).toEqual([
      'cos-leave',
      'hmi-leave',
    ]);

    await store.directory.removeDelegation('cos-leave');
    await store.directory.removeDelegation('cos-leave');
    expect((await store.directory.listDelegations()).map((d) => d.id)).toEqual(['hmi-leave']);
  });

  it('returns null for someone the bot does not know', async () => {
    expect(await store.directory.getPerson('00000000-0000-0000-0000-0000000000ff')).toBeNull();
    expect(await store.directory.getService('ZZZ')).toBeNull();
  });

  it('refuses a person who does not fit the schema', async () => {
    await expect(
      store.directory.upsertPerson(aPerson({ roles: ['captain' as never] })),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
