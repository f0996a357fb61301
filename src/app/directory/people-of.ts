/**
 * Use case: who is who. Inspectorate staff see every region and service (or one, by name); a
 * Service Liaison Officer sees their own service. Administrators also see the latest role changes
 * and may change roles from the card.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { holdersOf, type RolePlace } from '../../domain/lifecycle/directory-roles';
import type { Instant, Person, Region, Role, Service } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { nameOf } from '../shared/people';

/** Someone holding a role somewhere. */
export interface Holder {
  objectId: string;
  name: string;
  role: Role;
  place: RolePlace;
}

/** One service and its liaison people. */
export interface ServicePeople {
  service: Service;
  sll: Holder[];
  slo: Holder[];
}

/** One region, its Chief of Staff and HM Inspector, and its services. */
export interface RegionPeople {
  region: Region;
  cos: Holder[];
  hmi: Holder[];
  services: ServicePeople[];
}

/** A role change as the people card lists it. */
export interface PeopleChange {
  at: Instant;
  by: string;
  text: string;
}

/** The people card's content. */
export interface PeopleView {
  /** The one service or region asked for; undefined for everyone. */
  focus?: { kind: 'service' | 'region'; name: string; place: RolePlace };
  regions: RegionPeople[];
  admins: Holder[];
  deputies: Holder[];
  /** The Senior Responsible Officers, who close recommendations to external bodies (§31-32). */
  sros: Holder[];
  /** Whether the viewer may give and take away roles. */
  canManage: boolean;
  changes: PeopleChange[];
}

const inspectorateRoles: readonly Role[] = ['sll', 'cos', 'hmi', 'deputyPortfolioDirector', 'sro', 'admin'];

function holders(people: readonly Person[], role: Role, place: RolePlace): Holder[] {
  return holdersOf(people, role, place).map((p) => ({ objectId: p.objectId, name: p.name, role, place }));
}

/** The one item whose name is `wanted`, or begins with it as a word ("Oxfordshire"). */
function byName<T extends { name: string }>(items: readonly T[], wanted: string): T | undefined {
  const exact = items.find((item) => item.name.toLowerCase() === wanted);
  if (exact) return exact;
  const starting = items.filter((item) => item.name.toLowerCase().startsWith(`${wanted} `));
  return starting.length === 1 ? starting[0] : undefined;
}

/** The service or region `text` names (code, id, name or the start of its name, any case). */
export function findPlace(
  services: readonly Service[],
  regions: readonly Region[],
  text: string,
): { kind: 'service'; service: Service } | { kind: 'region'; region: Region } | null {
  const wanted = text
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+region$/, '');
  if (wanted === '') return null;
  const service = services.find((s) => s.code.toLowerCase() === wanted) ?? byName(services, wanted);
  if (service) return { kind: 'service', service };
  const region = regions.find((r) => r.id === wanted) ?? byName(regions, wanted);
  return region ? { kind: 'region', region } : null;
}

/** How many role changes the card lists. */
const changesShown = 8;

async function latestChanges(context: AppContext): Promise<PeopleChange[]> {
  const events = await context.store.directory.listPeopleChanges(changesShown * 2);
  // A change that replaced someone has a second event; the first says it all.
  const changes = events.filter((event) => event.action === 'person.roles-changed').slice(0, changesShown);
  return Promise.all(
    changes.map(async (event) => ({
      at: event.at,
      by: await nameOf(context, event.actor),
      text: event.note ?? '',
    })),
  );
}

/** The place a viewer may ask about: anything for inspectorate staff, their own service for an SLO. */
function placeTextFor(viewer: Person, placeText: string): Result<string> {
  const text = placeText.trim();
  if (viewer.roles.some((role) => inspectorateRoles.includes(role))) return ok(text);
  const own = viewer.roles.includes('slo') ? viewer.serviceCodes[0] : undefined;
  if (own === undefined) return fail('not-allowed', "You can't see the directory: you have no role in it.");
  if (text !== '' && text.toUpperCase() !== own)
    return fail('not-allowed', `You can see the people of your own service only: type people ${own}.`);
  return ok(own);
}

/** Who holds what in one region: its whole set of services, or only `only`. */
function regionPeople(
  people: readonly Person[],
  services: readonly Service[],
  region: Region,
  only?: Service,
): RegionPeople {
  const servicePeople = (service: Service): ServicePeople => ({
    service,
    sll: holders(people, 'sll', { kind: 'service', code: service.code }),
    slo: holders(people, 'slo', { kind: 'service', code: service.code }),
  });
  return {
    region,
    cos: only ? [] : holders(people, 'cos', { kind: 'region', id: region.id }),
    hmi: only ? [] : holders(people, 'hmi', { kind: 'region', id: region.id }),
    services: (only ? [only] : services.filter((s) => s.regionId === region.id)).map(servicePeople),
  };
}

/** The view of one service or region. */
function focusedView(
  people: readonly Person[],
  services: readonly Service[],
  regions: readonly Region[],
  place: NonNullable<ReturnType<typeof findPlace>>,
  canManage: boolean,
): PeopleView {
  const national = { admins: [], deputies: [], sros: [], canManage, changes: [] };
  if (place.kind === 'region')
    return {
      focus: {
        kind: 'region',
        name: `${place.region.name} region`,
        place: { kind: 'region', id: place.region.id },
      },
      regions: [regionPeople(people, services, place.region)],
      ...national,
    };
  const { service } = place;
  const region = regions.find((r) => r.id === service.regionId) ?? {
    id: service.regionId,
    name: service.regionId,
  };
  return {
    focus: { kind: 'service', name: service.name, place: { kind: 'service', code: service.code } },
    regions: [regionPeople(people, services, region, service)],
    ...national,
  };
}

/** Who is who for `viewer`, everywhere or at the place `placeText` names. */
export async function peopleOf(
  context: AppContext,
  viewer: Person,
  placeText: string,
): Promise<Result<PeopleView>> {
  const text = placeTextFor(viewer, placeText);
  if (!text.ok) return text;
  const { directory } = context.store;
  const [people, services, regions] = await Promise.all([
    directory.listPeople(),
    directory.listServices(),
    directory.listRegions(),
  ]);
  const canManage = viewer.roles.includes('admin');
  if (text.value !== '') {
    const place = findPlace(services, regions, text.value);
    if (!place)
      return fail(
        'not-found',
        `There is no service or region called “${text.value}”. Type people to see them all.`,
      );
    return ok(focusedView(people, services, regions, place, canManage));
  }
  const everywhere: RolePlace = { kind: 'everywhere' };
  return ok({
    regions: regions.map((region) => regionPeople(people, services, region)),
    admins: holders(people, 'admin', everywhere),
    deputies: holders(people, 'deputyPortfolioDirector', everywhere),
    sros: holders(people, 'sro', everywhere),
    canManage,
    changes: canManage ? await latestChanges(context) : [],
  });
}

/** What the "Give someone a role" form offers: the directory's people, services and regions. */
export interface RoleFormChoices {
  people: { objectId: string; name: string }[];
  services: Service[];
  regions: Region[];
}

/** The form's choices, for an administrator. */
export async function roleFormChoices(context: AppContext, viewer: Person): Promise<Result<RoleFormChoices>> {
  if (!viewer.roles.includes('admin'))
    return fail('not-allowed', "You can't manage the directory: only an Administrator can.");
  const { directory } = context.store;
  const [people, services, regions] = await Promise.all([
    directory.listPeople(),
    directory.listServices(),
    directory.listRegions(),
  ]);
  return ok({
    people: people
      .map((p) => ({ objectId: p.objectId, name: p.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    services,
    regions,
  });
}
