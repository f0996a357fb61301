/**
 * Who may act on a service's records: the policy target of a service (with names, so refusals
 * read well), the check itself, and the decision context of a permitted actor.
 */
import type { ApprovalChain, DecisionContext } from '../../domain/lifecycle';
import {
  authorize,
  type Action,
  type Permission,
  type PolicyContext,
  type Target,
} from '../../domain/policy';
import type { ClosureRequest, Owners, Person, Service } from '../../domain/records';
import { fail, ok, type Result } from '../../domain/errors';
import { nowOf, todayOf, type AppContext } from './app-context';

/** The policy's view of one service (or of the external-recommendation partition). */
export interface ServiceScope {
  serviceCode: string;
  serviceName: string;
  target: Target;
  policy: PolicyContext;
}

/** What a record adds to its service's target: its owners, and for a closure decision the request. */
export interface RecordFacts {
  owners?: Partial<Owners> | undefined;
  closureRequest?: ClosureRequest | undefined;
  /** For a revisit decision: who proposed it and the steps so far. */
  revisitChain?: ApprovalChain | undefined;
}

/** Builds the policy target of a service's record, with names for readable refusals. */
export async function scopeOf(
  context: AppContext,
  actor: Person,
  serviceCode: string,
  facts: RecordFacts = {},
): Promise<ServiceScope> {
  const { directory } = context.store;
  const delegations = await directory.listDelegations(actor.objectId);
  const policy: PolicyContext = { delegations, today: todayOf(context) };
  if (serviceCode === 'EXT') {
    return { serviceCode, serviceName: 'external bodies', target: { external: true }, policy };
  }
  const service = await directory.getService(serviceCode);
  const region = service ? await directory.getRegion(service.regionId) : null;
  const target: Target = { serviceCode, serviceName: service?.name ?? serviceCode };
  if (service) target.regionId = service.regionId;
  if (region) target.regionName = region.name;
  if (facts.owners) target.owners = facts.owners;
  if (facts.closureRequest) target.closureRequest = facts.closureRequest;
  if (facts.revisitChain) target.revisitChain = facts.revisitChain;
  return { serviceCode, serviceName: service?.name ?? serviceCode, target, policy };
}

/** Checks the actor may do `action` in the scope; the refusal names why. */
export function authorizeIn(actor: Person, action: Action, scope: ServiceScope): Result<Permission> {
  return authorize(actor, action, scope.target, scope.policy);
}

/** Whether the actor may do `action` in the scope: for showing or hiding buttons. */
export function mayIn(actor: Person, action: Action, scope: ServiceScope): boolean {
  return authorizeIn(actor, action, scope).ok;
}

/** The decision context for a permitted actor (on whose behalf, when a delegate acts). */
export function decisionContextOf(
  context: AppContext,
  actor: Person,
  permission: Permission = {},
): DecisionContext {
  const decision: DecisionContext = { actor, now: nowOf(context), newId: context.newId };
  if (permission.onBehalfOf !== undefined) decision.onBehalfOf = permission.onBehalfOf;
  return decision;
}

/**
 * The service a typed code names, if the actor may do `action` for it; "There is no service with
 * the code …" or the policy's reason otherwise.
 */
export async function serviceFor(
  context: AppContext,
  actor: Person,
  action: Action,
  serviceCode: string,
): Promise<Result<Service>> {
  const code = serviceCode.trim().toUpperCase();
  const service = /^[A-Z]{2,5}$/.test(code) ? await context.store.directory.getService(code) : null;
  if (!service) return fail('not-found', `There is no service with the code “${code}”.`);
  const allowed = authorizeIn(actor, action, await scopeOf(context, actor, service.code));
  return allowed.ok ? ok(service) : allowed;
}
