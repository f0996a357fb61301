/**
 * Who holds which role, and the rules for changing it (administrators, in Teams).
 *
 * A role is held for a place: a Service Liaison Lead (SLL) or Service Liaison Officer (SLO) for a
 * service, a Chief of Staff (CoS) or HM Inspector (HMI) for a region; administrators and the deputy
 * portfolio director everywhere. A change is refused, with the reason, when it would:
 *
 * - leave a region without a CoS or HMI (naming a new one replaces the old; removing the only one
 *   is refused);
 * - remove the last administrator;
 * - make one person both CoS and HMI (they approve in turn, §24-25), or both SLL and SLO (one works
 *   for the inspectorate, the other for the service);
 * - leave open records naming someone who no longer holds the role: then the change needs someone
 *   to take them over, from those who will hold it there ({@link RolePlan.handOver}).
 */
import { err, fail, ok, type Result } from '../errors';
import {
  roleNames,
  type FieldChange,
  type ObjectId,
  type Person,
  type Region,
  type RegionId,
  type Role,
  type Service,
  type ServiceCode,
} from '../records';

/** Where a role is held: a service, a region, or everywhere. */
export type RolePlace =
  { kind: 'service'; code: ServiceCode } | { kind: 'region'; id: RegionId } | { kind: 'everywhere' };

/** Someone a role change is about, as Teams names them. */
export interface Someone {
  objectId: ObjectId;
  tenantId: string;
  name: string;
}

/** Give or take away one role. */
export interface RoleChange {
  kind: 'add' | 'remove';
  who: Someone;
  role: Role;
  place: RolePlace;
}

/** An open record and who it names, as far as roles go. */
export interface OpenRecordOwners {
  id: string;
  serviceCode: ServiceCode;
  sll?: ObjectId;
  cos?: ObjectId;
  hmi?: ObjectId;
}

/** What the rules are given: the directory as it stands and the open records. */
export interface DirectoryFacts {
  people: readonly Person[];
  services: readonly Service[];
  regions: readonly Region[];
  openRecords: readonly OpenRecordOwners[];
}

/** The records someone will no longer hold a role for, and who may take them over. */
export interface HandOver {
  role: 'sll' | 'cos' | 'hmi';
  from: Person;
  records: readonly OpenRecordOwners[];
  /** Who will hold the role there after the change. */
  candidates: readonly Person[];
}

/** A role change the rules allow: each person's new entry (`before` null for someone new). */
export interface RolePlan {
  people: { before: Person | null; after: Person }[];
  /** Open records to hand over, when the change leaves them with nobody in the role. */
  handOver?: HandOver;
  /** What a person reads: "Dana Brooks is now Service Liaison Lead for Oxfordshire Fire and Rescue Service." */
  summary: string;
}

/** Roles held for a service, for a region, or everywhere. */
export const placeKindOfRole: Record<Role, RolePlace['kind']> = {
  sll: 'service',
  slo: 'service',
  cos: 'region',
  hmi: 'region',
  admin: 'everywhere',
  deputyPortfolioDirector: 'everywhere',
  sro: 'everywhere',
};

/** Roles one person may not hold together, and why. */
const incompatible: { roles: [Role, Role]; why: string }[] = [
  { roles: ['cos', 'hmi'], why: 'they approve closures in turn, so one person cannot be both' },
  {
    roles: ['sll', 'slo'],
    why: 'one works for the inspectorate and the other for the service, so one person cannot be both',
  },
];

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function regionNameOf(facts: Pick<DirectoryFacts, 'regions'>, id: RegionId): string {
  return facts.regions.find((r) => r.id === id)?.name ?? id;
}

/** The place's name as people read it. */
export function placeName(facts: Pick<DirectoryFacts, 'services' | 'regions'>, place: RolePlace): string {
  if (place.kind === 'service') return facts.services.find((s) => s.code === place.code)?.name ?? place.code;
  if (place.kind === 'region') {
    const region = facts.regions.find((r) => r.id === place.id);
    return `the ${region?.name ?? place.id} region`;
  }
  return 'everywhere';
}

/** "Service Liaison Lead for Oxfordshire Fire and Rescue Service", "Administrator". */
export function roleAt(
  facts: Pick<DirectoryFacts, 'services' | 'regions'>,
  role: Role,
  place: RolePlace,
): string {
  return place.kind === 'everywhere' ? roleNames[role] : `${roleNames[role]} for ${placeName(facts, place)}`;
}

/** Whether `person` holds `role` at `place`. */
export function holds(person: Person, role: Role, place: RolePlace): boolean {
  if (!person.roles.includes(role)) return false;
  if (place.kind === 'service') return person.serviceCodes.includes(place.code);
  if (place.kind === 'region') return person.regionId === place.id;
  return true;
}

/** Everyone holding `role` at `place`. */
export function holdersOf(people: readonly Person[], role: Role, place: RolePlace): Person[] {
  return people.filter((person) => holds(person, role, place));
}

function withRole(person: Person, role: Role, place: RolePlace): Person {
  const roles = person.roles.includes(role) ? person.roles : [...person.roles, role];
  if (place.kind === 'service')
    return {
      ...person,
      roles,
      serviceCodes: person.serviceCodes.includes(place.code)
        ? person.serviceCodes
        : [...person.serviceCodes, place.code],
    };
  if (place.kind === 'region') return { ...person, roles, regionId: place.id };
  return { ...person, roles };
}

function withoutRole(person: Person, role: Role, place: RolePlace): Person {
  if (place.kind === 'service') {
    const serviceCodes = person.serviceCodes.filter((code) => code !== place.code);
    return {
      ...person,
      serviceCodes,
      roles: serviceCodes.length > 0 ? person.roles : person.roles.filter((r) => r !== role),
    };
  }
  const roles = person.roles.filter((r) => r !== role);
  if (place.kind === 'region') {
    const { regionId: _dropped, ...rest } = person;
    return roles.some((r) => placeKindOfRole[r] === 'region') ? { ...person, roles } : { ...rest, roles };
  }
  return { ...person, roles };
}

function placeFits(facts: DirectoryFacts, role: Role, place: RolePlace): Result<RolePlace> {
  const wanted = placeKindOfRole[role];
  if (wanted === 'everywhere') return ok({ kind: 'everywhere' });
  if (place.kind !== wanted) {
    const example = wanted === 'service' ? 'a service, for example OXF' : 'a region, for example Central';
    return err({
      code: 'validation',
      reason: `Say where: ${role === 'hmi' ? 'an' : 'a'} ${roleNames[role]} is named for ${example}.`,
      issues: [{ field: 'place', message: `name ${example}` }],
    });
  }
  const known =
    place.kind === 'service'
      ? facts.services.some((s) => s.code === place.code)
      : place.kind === 'region' && facts.regions.some((r) => r.id === place.id);
  if (!known) {
    const what = place.kind === 'service' ? `service ${place.code}` : `region ${place.id}`;
    return err({
      code: 'validation',
      reason: `There is no ${what} in the directory.`,
      issues: [{ field: 'place', message: `there is no ${what}` }],
    });
  }
  return ok(place);
}

/** The region a service belongs to. */
function regionOfService(facts: DirectoryFacts, code: ServiceCode): RegionId | undefined {
  return facts.services.find((s) => s.code === code)?.regionId;
}

/** Open records that name `person` in `role` at `place`. */
function recordsNaming(
  facts: DirectoryFacts,
  person: Person,
  role: Role,
  place: RolePlace,
): OpenRecordOwners[] {
  if (role !== 'sll' && role !== 'cos' && role !== 'hmi') return [];
  return facts.openRecords.filter((record) => {
    if (record[role] !== person.objectId) return false;
    if (place.kind === 'service') return record.serviceCode === place.code;
    if (place.kind === 'region') return regionOfService(facts, record.serviceCode) === place.id;
    return true;
  });
}

/** Applies a change to the people it touches; `changed` maps object id to the new entry. */
function apply(facts: DirectoryFacts, change: RoleChange, place: RolePlace): Map<ObjectId, Person> {
  const changed = new Map<ObjectId, Person>();
  const current = facts.people.find((p) => p.objectId === change.who.objectId);
  if (change.kind === 'remove') {
    if (current) changed.set(current.objectId, withoutRole(current, change.role, place));
    return changed;
  }
  const base: Person = current ?? {
    objectId: change.who.objectId,
    tenantId: change.who.tenantId,
    name: change.who.name,
    roles: [],
    serviceCodes: [],
  };
  // A region has one Chief of Staff and one HM Inspector: naming one replaces the other.
  if (place.kind === 'region') {
    for (const holder of holdersOf(facts.people, change.role, place)) {
      if (holder.objectId !== base.objectId)
        changed.set(holder.objectId, withoutRole(holder, change.role, place));
    }
  }
  changed.set(base.objectId, withRole(base, change.role, place));
  return changed;
}

/**
 * Plans a role change, or says why not. The plan's `handOver` lists open records that would name
 * someone who no longer holds the role there; the caller must name one of its candidates.
 */
export function planRoleChange(facts: DirectoryFacts, change: RoleChange): Result<RolePlan> {
  const fits = placeFits(facts, change.role, change.place);
  if (!fits.ok) return fits;
  const place = fits.value;
  const what = roleAt(facts, change.role, place);
  const current = facts.people.find((p) => p.objectId === change.who.objectId) ?? null;
  const name = current?.name ?? change.who.name;

  if (change.kind === 'add') {
    if (current && holds(current, change.role, place))
      return fail('conflict', `${name} is already ${what}. Nothing was changed.`);
    for (const pair of incompatible) {
      const other = pair.roles.find((r) => r !== change.role);
      if (pair.roles.includes(change.role) && other && current?.roles.includes(other))
        return fail(
          'not-allowed',
          `${name} is ${roleNames[other]}, so they can't also be ${roleNames[change.role]}: ${pair.why}.`,
        );
    }
    if (place.kind === 'region' && current?.regionId !== undefined && current.regionId !== place.id) {
      const elsewhere = current.roles.find((r) => placeKindOfRole[r] === 'region');
      if (elsewhere)
        return fail(
          'not-allowed',
          `${name} is ${roleAt(facts, elsewhere, { kind: 'region', id: current.regionId })}. Name someone else there first, then move them.`,
        );
    }
  } else {
    if (!current || !holds(current, change.role, place))
      return fail('not-found', `${name} is not ${what}. Nothing was changed.`);
    if (change.role === 'admin' && holdersOf(facts.people, 'admin', place).length <= 1)
      return fail(
        'not-allowed',
        `${name} is the last Administrator. Make someone else an Administrator first.`,
      );
    if (place.kind === 'region' && holdersOf(facts.people, change.role, place).length <= 1)
      return fail(
        'not-allowed',
        `${capitalised(placeName(facts, place))} would have no ${roleNames[change.role]}. Name the new ${roleNames[change.role]} instead (add @name as ${change.role} for ${regionNameOf(facts, place.id)}): that replaces ${name}.`,
      );
  }

  const changed = apply(facts, change, place);
  const after = facts.people.map((p) => changed.get(p.objectId) ?? p);
  if (!current) after.push(changed.get(change.who.objectId) as Person);

  const handOver = handOverOf(facts, changed, after, change.role, place);
  if (handOver && handOver.candidates.length === 0)
    return fail(
      'not-allowed',
      `${handOver.records.map((r) => r.id).join(', ')} ${handOver.records.length === 1 ? 'names' : 'name'} ${handOver.from.name} as ${roleNames[handOver.role]}, and nobody else is ${roleAt(facts, handOver.role, place)} to take ${handOver.records.length === 1 ? 'it' : 'them'} over. Add another ${roleNames[handOver.role]} there first.`,
    );

  const people = [...changed.values()].map((person) => ({
    before: facts.people.find((p) => p.objectId === person.objectId) ?? null,
    after: person,
  }));
  const summary = change.kind === 'add' ? `${name} is now ${what}.` : `${name} is no longer ${what}.`;
  return ok({ people, summary, ...(handOver ? { handOver } : {}) });
}

/** The open records a change would leave naming someone who no longer holds the role there. */
function handOverOf(
  facts: DirectoryFacts,
  changed: Map<ObjectId, Person>,
  after: readonly Person[],
  role: Role,
  place: RolePlace,
): HandOver | undefined {
  if (role !== 'sll' && role !== 'cos' && role !== 'hmi') return undefined;
  for (const [objectId, person] of changed) {
    const before = facts.people.find((p) => p.objectId === objectId);
    if (!before || !holds(before, role, place) || holds(person, role, place)) continue;
    const records = recordsNaming(facts, before, role, place);
    if (records.length === 0) continue;
    return { role, from: before, records, candidates: holdersOf(after, role, place) };
  }
  return undefined;
}

/** The audit changes of one person's entry, field by field. */
export function personChanges(before: Person | null, after: Person): FieldChange[] {
  const changes: FieldChange[] = [];
  const fields = ['roles', 'regionId', 'serviceCodes'] as const;
  for (const field of fields) {
    const from = before?.[field];
    const to = after[field];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null))
      changes.push({ field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return changes;
}
