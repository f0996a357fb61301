/**
 * Who may see which records: the policy's `view` decision, with the service and region names the
 * refusals need, loaded once per request. Lists and histories use it; nothing is shown that
 * `authorize(actor, 'view', ...)` does not allow.
 */
import { authorize, type PolicyContext, type Target } from '../../domain/policy';
import type { Result } from '../../domain/errors';
import type { Owners, Person, Region, Service } from '../../domain/records';
import { todayOf, type AppContext } from './app-context';

/** The directory facts a visibility check needs: services, regions, the caller's delegations, today. */
export interface Visibility {
  services: Map<string, Service>;
  policy: PolicyContext;
  /** The policy target for a record of this service, named so refusals read well. */
  targetOf(serviceCode: string, owners?: Partial<Owners>): Target;
  /** Allowed, or the reason the caller may not see records of this service (with these owners). */
  check(serviceCode: string, owners?: Partial<Owners>): Result<unknown>;
}

/** Loads what `actor`'s visibility checks need, once. */
export async function loadVisibility(context: AppContext, actor: Person): Promise<Visibility> {
  const { directory } = context.store;
  const [services, regions, delegations] = await Promise.all([
    directory.listServices(),
    directory.listRegions(),
    directory.listDelegations(actor.objectId),
  ]);
  const servicesByCode = new Map(services.map((s) => [s.code, s]));
  const regionsById = new Map<string, Region>(regions.map((r) => [r.id, r]));
  const policy: PolicyContext = { delegations, today: todayOf(context) };
  const targetOf = (serviceCode: string, owners?: Partial<Owners>): Target => {
    const service = servicesByCode.get(serviceCode);
    const region = service ? regionsById.get(service.regionId) : undefined;
    return {
      serviceCode,
      ...(service ? { serviceName: service.name, regionId: service.regionId } : {}),
      ...(region ? { regionName: region.name } : {}),
      ...(owners ? { owners } : {}),
    };
  };
  return {
    services: servicesByCode,
    policy,
    targetOf,
    check: (serviceCode, owners) => authorize(actor, 'view', targetOf(serviceCode, owners), policy),
  };
}
