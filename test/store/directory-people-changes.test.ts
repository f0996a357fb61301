/**
 * Role changes in the directory: the people a change touches, their audit and the directory's
 * version row are saved in one transaction. A change is seen at once, its audit is listed newest
 * first and never read as a person, and of two changes made from the same reading only the first
 * is saved.
 */
import type { AuditEvent, Person } from '../../src/domain/records';
import { ConflictError, DirectoryRepository, type Store } from '../../src/store';
import { aPerson, people } from '../support/builders';
import { aFreshStore } from '../support/storage';

const { admin, cos, sll } = people;

/** Someone new, made Chief of Staff for Central in place of Morgan Hughes. */
const kim = aPerson({
  objectId: 'new-kim',
  name: 'Kim Okafor',
  roles: ['cos'],
  regionId: 'central',
  serviceCodes: [],
});
const morganReplaced: Person = {
  objectId: cos.objectId,
  tenantId: cos.tenantId,
  name: cos.name,
  roles: [],
  serviceCodes: [],
};
/** Someone else new, made an SLL for Buckinghamshire. */
const ash = aPerson({ objectId: 'new-ash', name: 'Ash Turner', roles: ['sll'], serviceCodes: ['BUC'] });

/** The audit event of a role change to `person` by the administrator, at `at`. */
function roleChanged(id: string, at: string, person: Person, note: string): AuditEvent {
  return {
    id,
    at,
    actor: admin.objectId,
    action: 'person.roles-changed',
    subject: { kind: 'person', id: person.objectId, about: person.name },
    changes: [{ field: 'roles', to: person.roles }],
    note,
  };
}

const kimNamed = roleChanged(
  'audit-kim',
  '2026-12-04T09:00:00.000Z',
  kim,
  'Kim Okafor is now Chief of Staff for the Central region.',
);
const morganGone: AuditEvent = {
  ...roleChanged(
    'audit-morgan',
    '2026-12-04T09:00:00.000Z',
    morganReplaced,
    'Replaced: Kim Okafor is now Chief of Staff for the Central region.',
  ),
  action: 'person.role-replaced',
};
const ashNamed = roleChanged(
  'audit-ash',
  '2026-12-04T10:30:00.000Z',
  ash,
  'Ash Turner is now Service Liaison Lead for Buckinghamshire Fire and Rescue Service.',
);

describe('role changes in the directory', () => {
  let store: Store;
  /** The directory as the bot reads it, its partitions kept for a minute. */
  let directory: DirectoryRepository;

  beforeEach(async () => {
    store = await aFreshStore();
    directory = new DirectoryRepository(store.tables.directory, { maxAgeMs: 60_000 });
    for (const person of [admin, cos, sll]) await directory.upsertPerson(person);
  });

  it('is seen by the next read at once, even right after a cached read', async () => {
    expect(await directory.getPerson(kim.objectId)).toBeNull();
    expect((await directory.listPeople()).map((p) => p.name).sort()).toEqual([
      'Morgan Hughes',
      'Priya Shah',
      'Sam Patel',
    ]);

    const snapshot = await directory.readPeopleForChange();
    await directory.commitPeopleChange(snapshot, [kim, morganReplaced], [kimNamed, morganGone]);

    expect(await directory.getPerson(kim.objectId)).toEqual(kim);
    expect(await directory.getPerson(cos.objectId)).toEqual(morganReplaced);
    const everyone = await directory.listPeople();
    expect(everyone.map((p) => p.name).sort()).toEqual([
      'Kim Okafor',
      'Morgan Hughes',
      'Priya Shah',
      'Sam Patel',
    ]);
    expect(everyone.find((p) => p.objectId === sll.objectId)).toEqual(sll);
  });

  it('lists the audit newest first, and never as people', async () => {
    await directory.commitPeopleChange(
      await directory.readPeopleForChange(),
      [kim, morganReplaced],
      [kimNamed, morganGone],
    );
    await directory.commitPeopleChange(await directory.readPeopleForChange(), [ash], [ashNamed]);

    const changes = await directory.listPeopleChanges(10);
    expect(changes[0]).toEqual(ashNamed);
    expect(changes.map((c) => c.id).sort()).toEqual(['audit-ash', 'audit-kim', 'audit-morgan']);
    expect(changes.slice(1).map((c) => c.at)).toEqual([kimNamed.at, kimNamed.at]);
    expect((await directory.listPeopleChanges(1)).map((c) => c.id)).toEqual(['audit-ash']);

    const names = ['Ash Turner', 'Kim Okafor', 'Morgan Hughes', 'Priya Shah', 'Sam Patel'];
    expect((await directory.listPeople()).map((p) => p.name).sort()).toEqual(names);
    expect((await directory.readPeopleForChange()).people.map((p) => p.name).sort()).toEqual(names);
    const fresh = new DirectoryRepository(store.tables.directory, { maxAgeMs: 0 });
    expect((await fresh.listPeople()).map((p) => p.name).sort()).toEqual(names);
    expect(await directory.getPerson('~version')).toBeNull();
  });

  it('lists no changes before the first', async () => {
    expect(await directory.listPeopleChanges(10)).toEqual([]);
  });

  it.each([
    ['before any role change', false],
    ['after an earlier role change', true],
  ])('saves only the first of two changes made from the same reading, %s', async (_case, earlierChange) => {
    if (earlierChange)
      await directory.commitPeopleChange(
        await directory.readPeopleForChange(),
        [morganReplaced, kim],
        [kimNamed, morganGone],
      );
    /** Another instance of the bot, reading the directory at the same moment. */
    const other = new DirectoryRepository(store.tables.directory, { maxAgeMs: 60_000 });
    const mine = await directory.readPeopleForChange();
    const theirs = await other.readPeopleForChange();
    expect(theirs.version).toBe(mine.version);

    await directory.commitPeopleChange(mine, [ash], [ashNamed]);
    const theirAdmin: Person = { ...sll, roles: ['sll', 'admin'] };
    const theirEvent = roleChanged(
      'audit-sam',
      '2026-12-04T10:31:00.000Z',
      theirAdmin,
      'Sam Patel is now Administrator.',
    );
    await expect(other.commitPeopleChange(theirs, [theirAdmin], [theirEvent])).rejects.toBeInstanceOf(
      ConflictError,
    );

    for (const reader of [directory, other, new DirectoryRepository(store.tables.directory)]) {
      expect(await reader.getPerson(sll.objectId)).toEqual(sll);
      expect(await reader.getPerson(ash.objectId)).toEqual(ash);
      const audit = (await reader.listPeopleChanges(10)).map((c) => c.id);
      expect(audit).toContain('audit-ash');
      expect(audit).not.toContain('audit-sam');
    }
  });

  it('refuses a change made from a reading older than the last change, and saves it once read again', async () => {
    const stale = await directory.readPeopleForChange();
    await directory.commitPeopleChange(stale, [ash], [ashNamed]);
    await directory.commitPeopleChange(
      await directory.readPeopleForChange(),
      [kim, morganReplaced],
      [kimNamed, morganGone],
    );
    const theirAdmin: Person = { ...sll, roles: ['sll', 'admin'] };
    const event = roleChanged(
      'audit-sam',
      '2026-12-04T11:00:00.000Z',
      theirAdmin,
      'Sam Patel is now Administrator.',
    );

    await expect(directory.commitPeopleChange(stale, [theirAdmin], [event])).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await directory.getPerson(sll.objectId)).toEqual(sll);

    await directory.commitPeopleChange(await directory.readPeopleForChange(), [theirAdmin], [event]);
    expect((await directory.getPerson(sll.objectId))?.roles).toEqual(['sll', 'admin']);
    expect((await directory.listPeopleChanges(10)).map((c) => c.id)[0]).toBe('audit-sam');
  });

  it('makes the first change ever without a version, and every later reading carries a new one', async () => {
    const first = await directory.readPeopleForChange();
    expect(first.version).toBeNull();
    expect(first.people.map((p) => p.name).sort()).toEqual(['Morgan Hughes', 'Priya Shah', 'Sam Patel']);

    await directory.commitPeopleChange(first, [ash], [ashNamed]);
    const second = await directory.readPeopleForChange();
    expect(second.version).toEqual(expect.any(String));
    expect(second.people.map((p) => p.name)).toContain('Ash Turner');

    await directory.commitPeopleChange(second, [kim, morganReplaced], [kimNamed, morganGone]);
    const third = await directory.readPeopleForChange();
    expect(third.version).toEqual(expect.any(String));
    expect(third.version).not.toBe(second.version);
  });
});
