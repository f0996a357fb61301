/**
 * Use case: an administrator gives someone a role, or takes it away, from Teams.
 *
 * The rules are the domain's (src/domain/lifecycle/directory-roles.ts). Open records that would
 * name someone who no longer holds the role are handed over first, each through the change
 * pipeline with its own audit event; then the people the change touches, their audit events and
 * the directory's version are saved in one transaction, so two changes made at the same moment
 * can't both pass their checks. The next turn of anyone it touches sees it.
 */
import { fail, ok, type Result } from '../../domain/errors';
import {
  planRoleChange,
  personChanges,
  type DirectoryFacts,
  type HandOver,
  type OpenRecordOwners,
  type RoleChange,
} from '../../domain/lifecycle/directory-roles';
import { authorize } from '../../domain/policy';
import type { AreaForImprovement, AuditEvent, CauseOfConcern, ObjectId, Person } from '../../domain/records';
import { ConflictError, type PeopleSnapshot } from '../../store';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { byId, changeRecord, type Loaded } from '../shared/change-record';
import { areasForImprovement, causesOfConcern } from '../shared/record-kinds';

/** A role change as the administrator asked for it; `handOverTo` answers a hand-over question. */
export interface RoleChangeRequest extends RoleChange {
  handOverTo?: ObjectId | undefined;
}

/** The answer: saved (with who was told), or a question: who takes the open records over? */
export type RoleChangeOutcome =
  | { kind: 'saved'; summary: string; handedOver: string[]; changed: Person[] }
  | { kind: 'needsHandOver'; request: RoleChangeRequest; handOver: HandOver };

/** How many times a change is planned again after another change came first. */
const attempts = 3;

/** Open causes of concern and areas for improvement, with the people they name. */
async function openRecords(context: AppContext): Promise<OpenRecordOwners[]> {
  const [cocs, afis] = await Promise.all([
    context.store.records.listCocs(),
    context.store.records.listAfis(),
  ]);
  return [
    ...cocs
      .filter(({ value }) => value.status === 'open')
      .map(({ value }) => ({ id: value.id, serviceCode: value.serviceCode, ...value.owners })),
    ...afis
      .filter(({ value }) => value.status !== 'closed')
      .map(({ value }) => ({ id: value.id, serviceCode: value.serviceCode, sll: value.sll, cos: value.cos })),
  ];
}

async function factsOf(context: AppContext): Promise<{ facts: DirectoryFacts; snapshot: PeopleSnapshot }> {
  const [snapshot, services, regions, records] = await Promise.all([
    context.store.directory.readPeopleForChange(),
    context.store.directory.listServices(),
    context.store.directory.listRegions(),
    openRecords(context),
  ]);
  return { snapshot, facts: { people: snapshot.people, services, regions, openRecords: records } };
}

/** Hands one open record over to `to` in the role it names `from` in, with its audit event. */
async function handOverRecord(
  context: AppContext,
  actor: Person,
  record: OpenRecordOwners,
  handOver: HandOver,
  to: ObjectId,
): Promise<Result<unknown>> {
  const event = (kind: string, previous: ObjectId | undefined): AuditEvent => ({
    id: context.newId(),
    at: nowOf(context),
    actor: actor.objectId,
    action: `${kind}.handed-over`,
    subject: { kind, id: record.id },
    serviceCode: record.serviceCode,
    changes: [{ field: kind === 'coc' ? `owners.${handOver.role}` : handOver.role, from: previous, to }],
  });
  if (record.id.includes('-AFI-')) {
    if (handOver.role === 'hmi') return ok(undefined);
    const role = handOver.role;
    const moved = await changeRecord<Loaded<AreaForImprovement>, undefined>(context, actor, {
      action: 'manageDirectory',
      load: byId(context, areasForImprovement, record.id),
      fields: ok(undefined),
      decide: ({ record: afi }: Loaded<AreaForImprovement>) =>
        ok({
          state: { ...afi.value, [role]: to, updatedAt: nowOf(context), updatedBy: actor.objectId },
          events: [event('afi', afi.value[role])],
        }),
    });
    return moved;
  }
  const moved = await changeRecord<Loaded<CauseOfConcern>, undefined>(context, actor, {
    action: 'manageDirectory',
    load: byId(context, causesOfConcern, record.id),
    fields: ok(undefined),
    decide: ({ record: coc }: Loaded<CauseOfConcern>) => {
      const state: CauseOfConcern = {
        ...coc.value,
        owners: { ...coc.value.owners, [handOver.role]: to },
        updatedAt: nowOf(context),
        updatedBy: actor.objectId,
      };
      return ok({ state, events: [event('coc', coc.value.owners[handOver.role])] });
    },
  });
  return moved;
}

/**
 * The audit event of each person a change touches: the person it was about, and anyone it
 * replaced as a region's Chief of Staff or HM Inspector.
 */
function eventsOf(
  context: AppContext,
  actor: Person,
  changed: { before: Person | null; after: Person }[],
  summary: string,
  whoId: ObjectId,
): AuditEvent[] {
  return changed.map(({ before, after }) => ({
    id: context.newId(),
    at: nowOf(context),
    actor: actor.objectId,
    action: after.objectId === whoId ? 'person.roles-changed' : 'person.role-replaced',
    subject: { kind: 'person', id: after.objectId, about: after.name },
    changes: personChanges(before, after),
    note: after.objectId === whoId ? summary : `Replaced: ${summary}`,
  }));
}

/** Whether `actor` may make this change: an administrator, for someone of an allowed organisation. */
function mayChange(context: AppContext, actor: Person, request: RoleChangeRequest): Result<true> {
  const allowed = authorize(actor, 'manageDirectory', {}, { delegations: [], today: todayOf(context) });
  if (!allowed.ok) return allowed;
  const { allowedTenantIds } = context;
  if (
    request.kind === 'add' &&
    allowedTenantIds.length > 0 &&
    !allowedTenantIds.includes(request.who.tenantId.toLowerCase())
  )
    return fail(
      'not-allowed',
      `${request.who.name} is from an organisation that is not set up to use CoC Monitor. Add its tenant to ALLOWED_TENANT_IDS first.`,
    );
  return ok(true);
}

/**
 * Hands the records over to whoever the request names (or the only candidate, when a role is
 * given): the ids handed over, or null when the administrator must be asked first.
 */
async function handOverAll(
  context: AppContext,
  actor: Person,
  request: RoleChangeRequest,
  handOver: HandOver,
): Promise<Result<string[] | null>> {
  const only = handOver.candidates.length === 1 ? handOver.candidates[0] : undefined;
  const to = request.handOverTo ?? (request.kind === 'add' ? only?.objectId : undefined);
  if (to === undefined) return ok(null);
  if (!handOver.candidates.some((c) => c.objectId === to))
    return fail('not-allowed', 'That person will not hold the role there. Choose someone from the list.');
  const handedOver: string[] = [];
  for (const record of handOver.records) {
    const moved = await handOverRecord(context, actor, record, handOver, to);
    if (!moved.ok) return moved;
    handedOver.push(record.id);
  }
  return ok(handedOver);
}

/**
 * Gives or takes away a role. Refuses with the rules' reason, or asks who takes open records over
 * when the change would leave them naming someone without the role. The records are handed over
 * before the people are saved (they live in another table): a change that then fails has still
 * handed them to someone who holds the role.
 */
export async function changeRole(
  context: AppContext,
  actor: Person,
  request: RoleChangeRequest,
): Promise<Result<RoleChangeOutcome>> {
  const allowed = mayChange(context, actor, request);
  if (!allowed.ok) return allowed;
  for (let attempt = 1; ; attempt += 1) {
    const { facts, snapshot } = await factsOf(context);
    const plan = planRoleChange(facts, request);
    if (!plan.ok) return plan;
    const { handOver, people, summary } = plan.value;
    const handedOver = handOver ? await handOverAll(context, actor, request, handOver) : ok([]);
    if (!handedOver.ok) return handedOver;
    if (handOver && handedOver.value === null) return ok({ kind: 'needsHandOver', request, handOver });
    const events = eventsOf(context, actor, people, summary, request.who.objectId);
    const changed = people.map(({ after }) => after);
    try {
      await context.store.directory.commitPeopleChange(snapshot, changed, events);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (attempt < attempts) continue;
      return fail(
        'conflict',
        'Someone else changed the directory at the same moment. Nothing was changed; try again.',
      );
    }
    return ok({ kind: 'saved', summary, handedOver: handedOver.value ?? [], changed });
  }
}
