/**
 * The access policy: may this person do this to this record today?
 *
 * Roles come from the bot's own directory (a `Person`), never from card data. The answer is a
 * `Result`: allowed (saying on whose behalf, when a delegate acts) or refused with a reason that
 * names why, e.g. "You can't issue a cause of concern: you are not the Service Liaison Lead for
 * Buckinghamshire Fire and Rescue Service."
 */
import { err, ok, type Result } from '../errors';
import { approvalConflict, type ApprovalChain } from '../lifecycle/approval-chain';
import { separationOfDutiesConflict } from '../lifecycle/closure-request';
import {
  roleNames,
  type ClosureRequest,
  type Delegation,
  type LocalDate,
  type ObjectId,
  type Person,
  type RegionId,
  type Role,
  type ServiceCode,
} from '../records';
import {
  actionPhrases,
  grantsByAction,
  revisitStepActions,
  stepDecisionActions,
  type Action,
  type Grant,
} from './actions';
import { findStandIn } from './delegation';

/**
 * What the action is about. For anything belonging to a service give `serviceCode` and the
 * service's `regionId` (names make refusals readable); without a `regionId` no CoS or HMI matches a
 * service's record. Leave `serviceCode` out for national views and external recommendations.
 */
export interface Target {
  serviceCode?: ServiceCode;
  serviceName?: string;
  regionId?: RegionId;
  regionName?: string;
  /** The record's named owners; delegations are to these people. */
  owners?: { sll?: ObjectId; cos?: ObjectId; hmi?: ObjectId };
  /** For closure decisions: the request, for separation of duties. */
  closureRequest?: ClosureRequest;
  /** A recommendation to an external body (§31-32). */
  external?: boolean;
  /** For revisit decisions: who proposed it and the steps so far, for separation of duties. */
  revisitChain?: ApprovalChain;
}

/** Facts the policy needs besides the actor and target. */
export interface PolicyContext {
  delegations: readonly Delegation[];
  today: LocalDate;
}

/** An allowed action; `onBehalfOf` is set when the actor acts as someone's delegate (pass it to the decision). */
export interface Permission {
  onBehalfOf?: ObjectId;
}

function has(actor: Person, role: Role): boolean {
  return actor.roles.includes(role);
}

function serviceLabel(target: Target): string {
  return target.serviceName ?? target.serviceCode ?? 'this service';
}

function regionLabel(target: Target): string {
  return `the ${target.regionName ?? target.regionId ?? 'same'} region`;
}

function servesService(actor: Person, role: 'sll' | 'slo', target: Target): boolean {
  return (
    has(actor, role) && target.serviceCode !== undefined && actor.serviceCodes.includes(target.serviceCode)
  );
}

function inRegion(actor: Person, target: Target): boolean {
  if (target.serviceCode === undefined && target.regionId === undefined) return true;
  return target.regionId !== undefined && actor.regionId === target.regionId;
}

/** Whether one grant lets the actor act, and on whose behalf. */
function match(actor: Person, grant: Grant, target: Target, context: PolicyContext): Permission | null {
  switch (grant) {
    case 'admin':
      return has(actor, 'admin') ? {} : null;
    case 'deputyPortfolioDirector':
      return has(actor, 'deputyPortfolioDirector') ? {} : null;
    case 'externalOwner':
      return target.external === true && has(actor, 'deputyPortfolioDirector') ? {} : null;
    case 'sro':
      return target.serviceCode === undefined && has(actor, 'sro') ? {} : null;
    case 'serviceSll':
      return servesService(actor, 'sll', target) ? {} : null;
    case 'serviceSlo':
      return servesService(actor, 'slo', target) ? {} : null;
    case 'nationalInspectorate':
      return target.serviceCode === undefined && (['sll', 'cos', 'hmi'] as const).some((r) => has(actor, r))
        ? {}
        : null;
    case 'regionCos':
    case 'regionHmi': {
      const role = grant === 'regionCos' ? 'cos' : 'hmi';
      if (has(actor, role) && inRegion(actor, target)) return {};
      const standIn = findStandIn(
        context.delegations,
        actor.objectId,
        role,
        target.owners?.[role],
        context.today,
      );
      return standIn ? { onBehalfOf: standIn.from } : null;
    }
  }
}

function whoMay(grant: Grant, target: Target): string {
  switch (grant) {
    case 'admin':
      return 'an Administrator';
    case 'deputyPortfolioDirector':
    case 'externalOwner':
      return 'the deputy portfolio director';
    case 'serviceSll':
      return `the ${roleNames.sll} for ${serviceLabel(target)}`;
    case 'serviceSlo':
      return `a ${roleNames.slo} for ${serviceLabel(target)}`;
    case 'regionCos':
      return `a ${roleNames.cos} for ${regionLabel(target)} or their stand-in`;
    case 'regionHmi':
      return `an ${roleNames.hmi} for ${regionLabel(target)} or their stand-in`;
    case 'nationalInspectorate':
      return 'inspectorate staff';
    case 'sro':
      return `the ${roleNames.sro}`;
  }
}

/** The most specific reason the actor is refused: what they are not, else who may. */
function whyNot(actor: Person, grants: readonly Grant[], target: Target): string {
  const relevant = grants.filter((g) => g !== 'externalOwner' || target.external === true);
  if (has(actor, 'slo') && !relevant.includes('serviceSlo') && actor.roles.length === 1) {
    return `as a ${roleNames.slo} you can add progress notes and answer requests for updates for your own service, and see its records`;
  }
  if (relevant.includes('serviceSll') && has(actor, 'sll') && target.serviceCode !== undefined) {
    return `you are not the ${roleNames.sll} for ${serviceLabel(target)}`;
  }
  if (relevant.includes('serviceSlo') && has(actor, 'slo') && target.serviceCode !== undefined) {
    return `you are not a ${roleNames.slo} for ${serviceLabel(target)}`;
  }
  if (relevant.includes('regionCos') && has(actor, 'cos')) {
    return `you are not a ${roleNames.cos} for ${regionLabel(target)}, nor standing in for its ${roleNames.cos} today`;
  }
  if (relevant.includes('regionHmi') && has(actor, 'hmi')) {
    return `you are not an ${roleNames.hmi} for ${regionLabel(target)}, nor standing in for its ${roleNames.hmi} today`;
  }
  const names = [...new Set(relevant.map((g) => whoMay(g, target)))];
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : (names[0] ?? 'nobody');
  return `only ${list} can`;
}

/**
 * Decides whether `actor` may do `action` to `target` today. For closure decisions it also applies
 * separation of duties: nobody decides a step of a request they raised or decided at an earlier
 * step, directly or as someone's delegate.
 */
export function authorize(
  actor: Person,
  action: Action,
  target: Target,
  context: PolicyContext,
): Result<Permission> {
  const grants = grantsByAction[action];
  let permission: Permission | null = null;
  for (const grant of grants) {
    permission = match(actor, grant, target, context);
    if (permission !== null) break;
  }
  const phrase = actionPhrases[action];
  if (permission === null) {
    return err({ code: 'not-allowed', reason: `You can't ${phrase}: ${whyNot(actor, grants, target)}.` });
  }
  const step = (['cos', 'hmi', 'sro'] as const).find((role) => stepDecisionActions[role] === action);
  if (step !== undefined && target.closureRequest !== undefined) {
    const conflict = separationOfDutiesConflict(
      target.closureRequest,
      step,
      actor.objectId,
      permission.onBehalfOf,
      'decide',
    );
    if (conflict !== null) return err(conflict);
  }
  const revisitStep = (['cos', 'hmi'] as const).find((role) => revisitStepActions[role] === action);
  if (revisitStep !== undefined && target.revisitChain !== undefined) {
    const conflict = approvalConflict(
      target.revisitChain,
      revisitStep,
      actor.objectId,
      permission.onBehalfOf,
      'decide',
      'proposed the revisit',
    );
    if (conflict !== null) return err(conflict);
  }
  return ok(permission);
}

/** Whether `actor` may do `action`: for showing or hiding buttons. The decision itself must still call `authorize`. */
export function can(actor: Person, action: Action, target: Target, context: PolicyContext): boolean {
  return authorize(actor, action, target, context).ok;
}
