/**
 * What the issue forms offer a person: the services they may issue records for, and the people of
 * the directory who can own them (SLL, CoS, HMI), with defaults taken from the service's region.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { authorize, type Action, type Target } from '../../domain/policy';
import type { Person, Region, Service } from '../../domain/records';
import { todayOf, type AppContext } from '../shared/app-context';

/** A service someone may issue for, with its region (for defaults and readable refusals). */
export interface IssuableService {
  service: Service;
  region: Region | undefined;
}

/** The default owners of a new record of one service. */
export interface DefaultOwners {
  sll?: string;
  cos?: string;
  hmi?: string;
}

/** Everything a form needs to offer choices. */
export interface IssueFormOptions {
  /** Sorted by name; the first is the default. */
  services: IssuableService[];
  /** People holding each role, sorted by name. */
  people: { sll: Person[]; cos: Person[]; hmi: Person[] };
  /** Every region, to say where people work. */
  regions: Region[];
  /** The default owners for the first service. */
  defaults: DefaultOwners;
}

/** The policy target for a service, with names so refusals read well. */
export function targetOf(service: Service, region: Region | undefined): Target {
  return {
    serviceCode: service.code,
    serviceName: service.name,
    regionId: service.regionId,
    ...(region ? { regionName: region.name } : {}),
  };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'en-GB');
}

/** People of the directory who hold a role, sorted by name. */
export function peopleWithRole(people: readonly Person[], role: 'sll' | 'cos' | 'hmi'): Person[] {
  return people.filter((person) => person.roles.includes(role)).sort(byName);
}

/**
 * The usual owners of a service's record: the caller when they are its SLL (else its assigned
 * SLL), and the CoS and HMI of its region.
 */
export function defaultOwnersFor(service: Service, actor: Person, people: readonly Person[]): DefaultOwners {
  const sll =
    actor.roles.includes('sll') && actor.serviceCodes.includes(service.code)
      ? actor
      : peopleWithRole(people, 'sll').find((person) => person.serviceCodes.includes(service.code));
  const ofRegion = (role: 'cos' | 'hmi'): Person | undefined =>
    peopleWithRole(people, role).find((person) => person.regionId === service.regionId);
  const defaults: DefaultOwners = {};
  if (sll) defaults.sll = sll.objectId;
  const cos = ofRegion('cos');
  if (cos) defaults.cos = cos.objectId;
  const hmi = ofRegion('hmi');
  if (hmi) defaults.hmi = hmi.objectId;
  return defaults;
}

/** The services `actor` may issue for, by name, or the policy's refusal when there is none. */
async function issuableServices(
  context: AppContext,
  actor: Person,
  action: Extract<Action, 'issueCoc' | 'issueAfi'>,
  regions: readonly Region[],
): Promise<Result<IssuableService[]>> {
  const { directory } = context.store;
  const [services, delegations] = await Promise.all([
    directory.listServices(),
    directory.listDelegations(actor.objectId),
  ]);
  const policy = { delegations, today: todayOf(context) };
  const issuable = services
    .map((service) => ({ service, region: regions.find((r) => r.id === service.regionId) }))
    .filter(({ service, region }) => authorize(actor, action, targetOf(service, region), policy).ok)
    .sort((a, b) => byName(a.service, b.service));
  if (issuable.length > 0) return ok(issuable);
  const refusal = authorize(actor, action, { serviceName: 'the service' }, policy);
  return refusal.ok ? fail('not-found', 'There are no services in the directory yet.') : refusal;
}

/**
 * The choices for a new CoC or AFI form. Refused (with the policy's reason) when the person may
 * issue for no service at all.
 */
export async function loadIssueFormOptions(
  context: AppContext,
  actor: Person,
  action: Extract<Action, 'issueCoc' | 'issueAfi'>,
): Promise<Result<IssueFormOptions>> {
  const [regions, people] = await Promise.all([
    context.store.directory.listRegions(),
    context.store.directory.listPeople(),
  ]);
  const services = await issuableServices(context, actor, action, regions);
  if (!services.ok) return services;
  const [first] = services.value;
  const byRole = {
    sll: peopleWithRole(people, 'sll'),
    cos: peopleWithRole(people, 'cos'),
    hmi: peopleWithRole(people, 'hmi'),
  };
  const defaults = first ? defaultOwnersFor(first.service, actor, people) : {};
  return ok({ services: services.value, people: byRole, regions, defaults });
}
