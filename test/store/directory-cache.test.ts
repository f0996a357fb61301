/**
 * The directory's short-lived partition cache: a write through the same repository is seen at once,
 * a write from elsewhere once the cached read is older than its limit, and callers get copies.
 */
import { DirectoryRepository, type Store } from '../../src/store';
import type { Person } from '../../src/domain/records';
import { aFreshStore } from '../support/storage';

const person = (objectId: string, roles: Person['roles']): Person => ({
  objectId,
  tenantId: 'tenant-1',
  name: 'Dana Price',
  roles,
  serviceCodes: ['BUC'],
});

describe('the directory cache', () => {
  let store: Store;
  let clock = 0;
  let cached: DirectoryRepository;
  let elsewhere: DirectoryRepository;

  beforeAll(async () => {
    store = await aFreshStore();
    cached = new DirectoryRepository(store.tables.directory, { maxAgeMs: 5_000, now: () => clock });
    elsewhere = new DirectoryRepository(store.tables.directory, { maxAgeMs: 0 });
  });

  it('sees its own writes at once, even right after a cached read', async () => {
    expect(await cached.getPerson('p-1')).toBeNull();
    await cached.upsertPerson(person('p-1', ['sll']));
    expect((await cached.getPerson('p-1'))?.roles).toEqual(['sll']);
  });

  it('sees another process’s change once its read is older than the limit, not before', async () => {
    expect((await cached.getPerson('p-1'))?.roles).toEqual(['sll']);
    await elsewhere.upsertPerson(person('p-1', ['slo']));
    clock += 4_999;
    expect((await cached.getPerson('p-1'))?.roles).toEqual(['sll']);
    clock += 2;
    expect((await cached.getPerson('p-1'))?.roles).toEqual(['slo']);
    expect((await elsewhere.getPerson('p-1'))?.roles).toEqual(['slo']);
  });

  it('hands out copies, so changing one does not change what others read', async () => {
    const first = await cached.getPerson('p-1');
    first?.roles.push('admin');
    expect((await cached.getPerson('p-1'))?.roles).toEqual(['slo']);
    const everyone = await cached.listPeople();
    everyone.pop();
    expect(await cached.listPeople()).toHaveLength(1);
  });

  it('filters delegations by person from the cached partition', async () => {
    await cached.putDelegation({
      id: 'd-1',
      from: 'p-1',
      to: 'p-2',
      role: 'cos',
      startDate: '2026-11-23',
      endDate: '2026-11-27',
    });
    expect((await cached.listDelegations('p-2')).map((d) => d.id)).toEqual(['d-1']);
    expect(await cached.listDelegations('p-3')).toEqual([]);
    await cached.removeDelegation('d-1');
    expect(await cached.listDelegations('p-2')).toEqual([]);
  });
});
