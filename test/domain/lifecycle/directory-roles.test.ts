/**
 * Giving and taking away roles from Teams: the place fits the role, nobody holds two roles that
 * cannot go together, a region keeps its Chief of Staff and HM Inspector, the last Administrator
 * stays, and open records naming someone who loses a role are handed over to someone who keeps it.
 */
import {
  holdersOf,
  personChanges,
  placeName,
  planRoleChange,
  roleAt,
  type DirectoryFacts,
  type OpenRecordOwners,
  type RoleChange,
  type RolePlace,
  type RolePlan,
  type Someone,
} from '../../../src/domain/lifecycle/directory-roles';
import type { Person, Role } from '../../../src/domain/records';
import { aPerson, aRegion, aService, people } from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const { admin, cos, deputyPortfolioDirector: dpd, hmi, otherCos, otherHmi, otherSll, sll, slo } = people;

const regions = [aRegion(), aRegion({ id: 'north', name: 'North' })];
const services = [
  aService(),
  aService({ code: 'HWF', name: 'Hereford & Worcester Fire and Rescue Service' }),
  aService({ code: 'CUM', name: 'Cumbria Fire and Rescue Service', regionId: 'north' }),
];

const buc: RolePlace = { kind: 'service', code: 'BUC' };
const hwf: RolePlace = { kind: 'service', code: 'HWF' };
const cum: RolePlace = { kind: 'service', code: 'CUM' };
const central: RolePlace = { kind: 'region', id: 'central' };
const north: RolePlace = { kind: 'region', id: 'north' };
const everywhere: RolePlace = { kind: 'everywhere' };

/** Someone in the inspectorate's Teams who is not in the directory yet. */
const newcomer: Someone = { objectId: 'new-kim', tenantId: 'tenant-1', name: 'Kim Okafor' };
/** A second SLL for Buckinghamshire, to take records over. */
const ash = aPerson({ objectId: 'sll-ash', name: 'Ash Turner', roles: ['sll'], serviceCodes: ['BUC'] });
/** A second administrator. */
const lee = aPerson({ objectId: 'admin-lee', name: 'Lee Hart', roles: ['admin'], serviceCodes: [] });

function facts(overrides: Partial<DirectoryFacts> = {}): DirectoryFacts {
  return { people: Object.values(people), services, regions, openRecords: [], ...overrides };
}

function someone(person: Person): Someone {
  return { objectId: person.objectId, tenantId: person.tenantId, name: person.name };
}

function add(who: Person | Someone, role: Role, place: RolePlace): RoleChange {
  return { kind: 'add', who: 'roles' in who ? someone(who) : who, role, place };
}

function remove(who: Person | Someone, role: Role, place: RolePlace): RoleChange {
  return { kind: 'remove', who: 'roles' in who ? someone(who) : who, role, place };
}

/** The entries a plan changes, after the change, in object-id order. */
function peopleAfter(plan: RolePlan): Person[] {
  return plan.people.map((p) => p.after).sort((a, b) => a.objectId.localeCompare(b.objectId));
}

function byObjectId(list: Person[]): Person[] {
  return [...list].sort((a, b) => a.objectId.localeCompare(b.objectId));
}

/** An open record of `serviceCode` naming the given people. */
function openRecord(id: string, serviceCode: string, names: Omit<OpenRecordOwners, 'id' | 'serviceCode'>) {
  return { id, serviceCode, ...names };
}

describe('planRoleChange', () => {
  describe('refuses, saying why', () => {
    it.each<[string, RoleChange, DirectoryFacts, string, string]>([
      [
        'a Service Liaison Lead named for a region',
        add(newcomer, 'sll', central),
        facts(),
        'validation',
        'Say where: a Service Liaison Lead is named for a service, for example OXF.',
      ],
      [
        'a Service Liaison Officer named everywhere',
        add(newcomer, 'slo', everywhere),
        facts(),
        'validation',
        'a Service Liaison Officer is named for a service',
      ],
      [
        'a Chief of Staff named for a service',
        add(newcomer, 'cos', buc),
        facts(),
        'validation',
        'Say where: a Chief of Staff is named for a region, for example Central.',
      ],
      [
        'an HM Inspector named everywhere',
        add(newcomer, 'hmi', everywhere),
        facts(),
        'validation',
        'HM Inspector is named for a region, for example Central.',
      ],
      [
        'a service the directory does not have',
        add(newcomer, 'sll', { kind: 'service', code: 'ZZZ' }),
        facts(),
        'validation',
        'There is no service ZZZ in the directory.',
      ],
      [
        'a region the directory does not have',
        add(newcomer, 'cos', { kind: 'region', id: 'east-midlands' }),
        facts(),
        'validation',
        'There is no region east-midlands in the directory.',
      ],
      [
        'a role someone already holds there',
        add(sll, 'sll', buc),
        facts(),
        'conflict',
        'Sam Patel is already Service Liaison Lead for Buckinghamshire Fire and Rescue Service. Nothing was changed.',
      ],
      [
        'a region role someone already holds there',
        add(cos, 'cos', central),
        facts(),
        'conflict',
        'Morgan Hughes is already Chief of Staff for the Central region.',
      ],
      [
        'an Administrator made an Administrator again',
        add(admin, 'admin', everywhere),
        facts(),
        'conflict',
        'Priya Shah is already Administrator.',
      ],
      [
        'a Chief of Staff made HM Inspector',
        add(cos, 'hmi', central),
        facts(),
        'not-allowed',
        "Morgan Hughes is Chief of Staff, so they can't also be HM Inspector: they approve closures in turn",
      ],
      [
        'an HM Inspector made Chief of Staff, even of another region',
        add(hmi, 'cos', north),
        facts(),
        'not-allowed',
        "Alex Carter is HM Inspector, so they can't also be Chief of Staff",
      ],
      [
        'a Service Liaison Lead made Service Liaison Officer',
        add(sll, 'slo', buc),
        facts(),
        'not-allowed',
        "Sam Patel is Service Liaison Lead, so they can't also be Service Liaison Officer: one works for the inspectorate and the other for the service",
      ],
      [
        'a Service Liaison Officer made Service Liaison Lead of another service',
        add(slo, 'sll', cum),
        facts(),
        'not-allowed',
        "Jordan Lee is Service Liaison Officer, so they can't also be Service Liaison Lead",
      ],
      [
        "another region's Chief of Staff named here",
        add(otherCos, 'cos', central),
        facts(),
        'not-allowed',
        'Robin Clarke is Chief of Staff for the North region. Name someone else there first, then move them.',
      ],
      [
        "another region's HM Inspector named here",
        add(otherHmi, 'hmi', central),
        facts(),
        'not-allowed',
        'Jo Evans is HM Inspector for the North region.',
      ],
      [
        'taking away a role someone does not hold there',
        remove(otherSll, 'sll', buc),
        facts(),
        'not-found',
        'Kim Ng is not Service Liaison Lead for Buckinghamshire Fire and Rescue Service. Nothing was changed.',
      ],
      [
        'taking away a role from someone the directory does not have',
        remove(newcomer, 'admin', everywhere),
        facts(),
        'not-found',
        'Kim Okafor is not Administrator. Nothing was changed.',
      ],
      [
        'taking away the last Administrator',
        remove(admin, 'admin', everywhere),
        facts(),
        'not-allowed',
        'Priya Shah is the last Administrator. Make someone else an Administrator first.',
      ],
      [
        "taking away a region's only Chief of Staff",
        remove(cos, 'cos', central),
        facts(),
        'not-allowed',
        'The Central region would have no Chief of Staff. Name the new Chief of Staff instead (add @name as cos for Central): that replaces Morgan Hughes.',
      ],
      [
        "taking away a region's only HM Inspector",
        remove(otherHmi, 'hmi', north),
        facts(),
        'not-allowed',
        'North region would have no HM Inspector.',
      ],
      [
        "taking away a service's only SLL while an open record names them",
        remove(otherSll, 'sll', cum),
        facts({ openRecords: [openRecord('CUM-1', 'CUM', { sll: otherSll.objectId })] }),
        'not-allowed',
        'CUM-1 names Kim Ng as Service Liaison Lead, and nobody else is Service Liaison Lead for Cumbria Fire and Rescue Service to take it over. Add another Service Liaison Lead there first.',
      ],
      [
        "taking away a service's only SLL while two open records name them",
        remove(otherSll, 'sll', cum),
        facts({
          openRecords: [
            openRecord('CUM-1', 'CUM', { sll: otherSll.objectId }),
            openRecord('CUM-AFI-2', 'CUM', { sll: otherSll.objectId }),
          ],
        }),
        'not-allowed',
        'CUM-1, CUM-AFI-2 name Kim Ng as Service Liaison Lead, and nobody else is Service Liaison Lead for Cumbria Fire and Rescue Service to take them over.',
      ],
    ])('%s', (_case, change, given, code, reason) => {
      const error = expectError(planRoleChange(given, change));
      expect(error.code).toBe(code);
      expect(error.reason).toContain(reason);
    });
  });

  describe('changes the right people', () => {
    it.each<[string, RoleChange, DirectoryFacts, Person[], string]>([
      [
        'someone new becomes an SLL',
        add(newcomer, 'sll', buc),
        facts(),
        [aPerson({ objectId: 'new-kim', name: 'Kim Okafor', roles: ['sll'], serviceCodes: ['BUC'] })],
        'Kim Okafor is now Service Liaison Lead for Buckinghamshire Fire and Rescue Service.',
      ],
      [
        'an SLL takes on another service',
        add(sll, 'sll', cum),
        facts(),
        [{ ...sll, serviceCodes: ['BUC', 'HWF', 'CUM'] }],
        'Sam Patel is now Service Liaison Lead for Cumbria Fire and Rescue Service.',
      ],
      [
        'an SLL gives up one of their services and keeps the other',
        remove(sll, 'sll', hwf),
        facts(),
        [{ ...sll, serviceCodes: ['BUC'] }],
        'Sam Patel is no longer Service Liaison Lead for Hereford & Worcester Fire and Rescue Service.',
      ],
      [
        'an SLL gives up their only service',
        remove(otherSll, 'sll', cum),
        facts(),
        [{ ...otherSll, roles: [], serviceCodes: [] }],
        'Kim Ng is no longer Service Liaison Lead for Cumbria Fire and Rescue Service.',
      ],
      [
        'someone new becomes a Service Liaison Officer',
        add(newcomer, 'slo', cum),
        facts(),
        [aPerson({ objectId: 'new-kim', name: 'Kim Okafor', roles: ['slo'], serviceCodes: ['CUM'] })],
        'Kim Okafor is now Service Liaison Officer for Cumbria Fire and Rescue Service.',
      ],
      [
        "a new Chief of Staff replaces the region's current one",
        add(newcomer, 'cos', central),
        facts(),
        [
          {
            ...aPerson({ objectId: 'new-kim', name: 'Kim Okafor', roles: ['cos'], serviceCodes: [] }),
            regionId: 'central',
          },
          { objectId: cos.objectId, tenantId: cos.tenantId, name: cos.name, roles: [], serviceCodes: [] },
        ],
        'Kim Okafor is now Chief of Staff for the Central region.',
      ],
      [
        "an SLL becomes another region's HM Inspector, replacing the current one",
        add(sll, 'hmi', north),
        facts(),
        [
          { ...sll, roles: ['sll', 'hmi'], regionId: 'north' },
          {
            objectId: otherHmi.objectId,
            tenantId: otherHmi.tenantId,
            name: otherHmi.name,
            roles: [],
            serviceCodes: [],
          },
        ],
        'Sam Patel is now HM Inspector for the North region.',
      ],
      [
        'one of two Chiefs of Staff of a region steps down',
        remove(cos, 'cos', central),
        facts({
          people: [...Object.values(people), { ...otherCos, objectId: 'cos-second', regionId: 'central' }],
        }),
        [{ objectId: cos.objectId, tenantId: cos.tenantId, name: cos.name, roles: [], serviceCodes: [] }],
        'Morgan Hughes is no longer Chief of Staff for the Central region.',
      ],
      [
        'the deputy portfolio director becomes an Administrator too',
        add(dpd, 'admin', everywhere),
        facts(),
        [{ ...dpd, roles: ['deputyPortfolioDirector', 'admin'] }],
        'Dana Brooks is now Administrator.',
      ],
      [
        'one of two Administrators steps down',
        remove(admin, 'admin', everywhere),
        facts({ people: [...Object.values(people), lee] }),
        [{ ...admin, roles: [] }],
        'Priya Shah is no longer Administrator.',
      ],
      [
        'the deputy portfolio director steps down',
        remove(dpd, 'deputyPortfolioDirector', everywhere),
        facts(),
        [{ ...dpd, roles: [] }],
        'Dana Brooks is no longer Deputy portfolio director.',
      ],
    ])('%s', (_case, change, given, expected, summary) => {
      const plan = expectOk(planRoleChange(given, change));
      expect(peopleAfter(plan)).toEqual(byObjectId(expected));
      expect(plan.summary).toBe(summary);
      expect(plan.handOver).toBeUndefined();
    });

    it("keeps each changed person's entry as it was before the change, and null for someone new", () => {
      const plan = expectOk(planRoleChange(facts(), add(newcomer, 'cos', central)));
      const before = Object.fromEntries(plan.people.map((p) => [p.after.objectId, p.before]));
      expect(before).toEqual({ 'new-kim': null, [cos.objectId]: cos });
    });

    it('keeps the name the directory has for someone it knows, whatever Teams calls them', () => {
      const plan = expectOk(
        planRoleChange(facts(), add({ ...someone(dpd), name: 'D. Brooks' }, 'admin', everywhere)),
      );
      expect(plan.summary).toBe('Dana Brooks is now Administrator.');
      expect(plan.people.map((p) => p.after.name)).toEqual(['Dana Brooks']);
    });

    it("puts someone new in their own organisation's tenant", () => {
      const guest: Someone = { objectId: 'guest-1', tenantId: 'tenant-buc', name: 'Ceri Sumner' };
      const plan = expectOk(planRoleChange(facts(), add(guest, 'slo', buc)));
      expect(plan.people.map((p) => p.after.tenantId)).toEqual(['tenant-buc']);
    });

    it('leaves everyone else as they were', () => {
      const plan = expectOk(planRoleChange(facts(), add(newcomer, 'hmi', central)));
      expect(plan.people.map((p) => p.after.name).sort()).toEqual(['Alex Carter', 'Kim Okafor']);
    });
  });

  describe('hands open records over', () => {
    const records = [
      openRecord('BUC-1', 'BUC', { sll: sll.objectId, cos: cos.objectId, hmi: hmi.objectId }),
      openRecord('BUC-AFI-3', 'BUC', { sll: sll.objectId, cos: cos.objectId }),
      openRecord('HWF-2', 'HWF', { sll: sll.objectId, cos: cos.objectId, hmi: hmi.objectId }),
      openRecord('CUM-1', 'CUM', { sll: otherSll.objectId, cos: otherCos.objectId, hmi: otherHmi.objectId }),
    ];

    it("names the SLL's records of that service only, with the service's other SLLs to take them", () => {
      const given = facts({ people: [...Object.values(people), ash], openRecords: records });
      const plan = expectOk(planRoleChange(given, remove(sll, 'sll', buc)));
      expect(plan.handOver).toEqual({
        role: 'sll',
        from: sll,
        records: [records[0], records[1]],
        candidates: [ash],
      });
      expect(peopleAfter(plan)).toEqual([{ ...sll, serviceCodes: ['HWF'] }]);
    });

    it("offers the new Chief of Staff the region's records naming the one they replace", () => {
      const plan = expectOk(planRoleChange(facts({ openRecords: records }), add(newcomer, 'cos', central)));
      expect(plan.handOver?.role).toBe('cos');
      expect(plan.handOver?.from).toEqual(cos);
      expect(plan.handOver?.records.map((r) => r.id)).toEqual(['BUC-1', 'BUC-AFI-3', 'HWF-2']);
      expect(plan.handOver?.candidates.map((c) => c.name)).toEqual(['Kim Okafor']);
    });

    it("offers the new HM Inspector the records naming the one they replace, not another region's", () => {
      const plan = expectOk(planRoleChange(facts({ openRecords: records }), add(newcomer, 'hmi', north)));
      expect(plan.handOver).toMatchObject({ role: 'hmi', from: otherHmi });
      expect(plan.handOver?.records.map((r) => r.id)).toEqual(['CUM-1']);
      expect(plan.handOver?.candidates.map((c) => c.objectId)).toEqual([newcomer.objectId]);
    });

    it('offers every one who will hold the role there', () => {
      const lou = aPerson({
        objectId: 'sll-lou',
        name: 'Lou Grant',
        roles: ['sll'],
        serviceCodes: ['HWF', 'BUC'],
      });
      const given = facts({ people: [...Object.values(people), ash, lou], openRecords: records });
      const plan = expectOk(planRoleChange(given, remove(sll, 'sll', buc)));
      expect(plan.handOver?.candidates.map((c) => c.name)).toEqual(['Ash Turner', 'Lou Grant']);
    });

    it('needs no hand-over when no open record names the person there', () => {
      const given = facts({
        people: [...Object.values(people), ash],
        openRecords: [records[2] as OpenRecordOwners],
      });
      const plan = expectOk(planRoleChange(given, remove(sll, 'sll', buc)));
      expect(plan.handOver).toBeUndefined();
    });

    it('needs no hand-over when a role is given without replacing anyone', () => {
      const plan = expectOk(planRoleChange(facts({ openRecords: records }), add(newcomer, 'sll', buc)));
      expect(plan.handOver).toBeUndefined();
    });

    it('needs no hand-over for roles records do not name', () => {
      const withLee = facts({ people: [...Object.values(people), lee], openRecords: records });
      expect(expectOk(planRoleChange(withLee, remove(admin, 'admin', everywhere))).handOver).toBeUndefined();
      expect(
        expectOk(
          planRoleChange(facts({ openRecords: records }), remove(dpd, 'deputyPortfolioDirector', everywhere)),
        ).handOver,
      ).toBeUndefined();
    });
  });
});

describe('personChanges', () => {
  it('lists what a new person is given', () => {
    const after = {
      ...aPerson({ objectId: 'new-kim', roles: ['cos'], serviceCodes: [] }),
      regionId: 'central',
    };
    expect(personChanges(null, after)).toEqual([
      { field: 'roles', to: ['cos'] },
      { field: 'regionId', to: 'central' },
      { field: 'serviceCodes', to: [] },
    ]);
  });

  it('lists a role and region taken away, from what to nothing', () => {
    const after = {
      objectId: cos.objectId,
      tenantId: cos.tenantId,
      name: cos.name,
      roles: [],
      serviceCodes: [],
    };
    expect(personChanges(cos, after)).toEqual([
      { field: 'roles', from: ['cos'], to: [] },
      { field: 'regionId', from: 'central' },
    ]);
  });

  it('lists only the fields that changed', () => {
    expect(personChanges(sll, { ...sll, serviceCodes: ['BUC', 'HWF', 'CUM'] })).toEqual([
      { field: 'serviceCodes', from: ['BUC', 'HWF'], to: ['BUC', 'HWF', 'CUM'] },
    ]);
  });

  it('lists nothing when nothing changed', () => {
    expect(personChanges(sll, { ...sll })).toEqual([]);
  });

  it('records every field a planned change makes', () => {
    const plan = expectOk(planRoleChange(facts(), add(newcomer, 'cos', central)));
    const changes = Object.fromEntries(
      plan.people.map(({ before, after }) => [after.name, personChanges(before, after).map((c) => c.field)]),
    );
    expect(changes).toEqual({
      'Kim Okafor': ['roles', 'regionId', 'serviceCodes'],
      'Morgan Hughes': ['roles', 'regionId'],
    });
  });
});

describe('who holds a role, and where', () => {
  it.each<[string, Role, RolePlace, string[]]>([
    ['the SLL of BUC', 'sll', buc, ['Sam Patel']],
    ['the SLL of CUM', 'sll', cum, ['Kim Ng']],
    ['the SLO of BUC', 'slo', buc, ['Jordan Lee']],
    ['the Chief of Staff of Central', 'cos', central, ['Morgan Hughes']],
    ['the HM Inspector of North', 'hmi', north, ['Jo Evans']],
    ['the Administrator', 'admin', everywhere, ['Priya Shah']],
    ['nobody as SLO of HWF', 'slo', hwf, []],
  ])('finds %s', (_case, role, place, names) => {
    expect(holdersOf(Object.values(people), role, place).map((p) => p.name)).toEqual(names);
  });

  it.each<[string, Role, RolePlace]>([
    ['Service Liaison Lead for Buckinghamshire Fire and Rescue Service', 'sll', buc],
    ['Chief of Staff for the North region', 'cos', north],
    ['Administrator', 'admin', everywhere],
    ['Deputy portfolio director', 'deputyPortfolioDirector', everywhere],
  ])('reads a role as "%s"', (text, role, place) => {
    expect(roleAt(facts(), role, place)).toBe(text);
  });

  it('falls back to the code or id for a place the directory does not have', () => {
    expect(placeName(facts(), { kind: 'service', code: 'ZZZ' })).toBe('ZZZ');
    expect(placeName(facts(), { kind: 'region', id: 'east' })).toBe('the east region');
  });
});
