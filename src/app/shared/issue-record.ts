/**
 * The one way a new record is issued from its form, for causes of concern and areas for
 * improvement alike: check the caller may issue for the service, answer a form already submitted
 * with what it issued, read the form, reserve the next id, and save the record, its audit events,
 * the id counter and the form's submission marker in one transaction.
 *
 * A form can be submitted twice (a double click, a retry after a slow answer). The form carries an
 * id minted when it was drawn; the transaction creates a `submission|<form id>` row, so the second
 * submission can't create a second record and is answered with the first one instead. A lost race
 * for the id number is retried.
 */
import { fail, invalid, ok, type Result } from '../../domain/errors';
import type { DecisionContext } from '../../domain/lifecycle';
import type { AuditEvent, Person, Service } from '../../domain/records';
import { ConflictError, type CounterName, type RecordChange } from '../../store';
import { nowOf, type AppContext } from './app-context';
import { commitWithFollowUps } from './outbox';
import { authorizeIn, scopeOf } from './record-scope';

/** How many times a lost race for the next id number is retried. */
const attempts = 3;

/** A record made from its draft: its rows and audit events. */
export interface Created<R> {
  record: R;
  rows: RecordChange[];
  events: AuditEvent[];
}

/** The kinds of record issued from a form: the policy action, the id counter, and the plural for messages. */
const issueKinds = {
  coc: { action: 'issueCoc', counter: 'coc', plural: 'causes of concern' },
  afi: { action: 'issueAfi', counter: 'afi', plural: 'areas for improvement' },
} as const satisfies Record<
  IssuedKind,
  { action: 'issueCoc' | 'issueAfi'; counter: CounterName; plural: string }
>;

/** The kinds of a service's record issued here (external recommendations have their own use case). */
type IssuedKind = Extract<CounterName, 'coc' | 'afi'>;

/** What differs between issuing a CoC and an AFI. */
export interface IssuePlan<Draft, R, Issued> {
  kind: IssuedKind;
  /** The form as submitted: its id (which makes the submission idempotent) and the service it names. */
  form: { formId: string; serviceCode: string };
  /** Reads the form into a draft (without its id), or lists every field at fault. */
  read: (service: Service, people: readonly Person[]) => Result<Draft>;
  /** Makes the record with its id; the domain's refusal otherwise. */
  create: (draft: Draft, id: string, decision: DecisionContext) => Result<Created<R>>;
  /** Reads back what an earlier submission of this form issued. */
  reread: (service: Service, subjectId: string) => Promise<R | null>;
  idOf: (record: R) => string;
  /** What the caller gets back. */
  issued: (record: R, service: Service, people: readonly Person[], alreadyIssued: boolean) => Issued;
}

/** The service the form names, if the caller may issue for it; the policy's reason otherwise. */
async function serviceToIssueFor(
  context: AppContext,
  actor: Person,
  action: 'issueCoc' | 'issueAfi',
  code: string,
): Promise<Result<Service>> {
  const service = /^[A-Z]{2,5}$/.test(code) ? await context.store.directory.getService(code) : null;
  if (!service) return invalid([{ field: 'serviceCode', message: 'Choose a service from the list.' }]);
  const allowed = authorizeIn(actor, action, await scopeOf(context, actor, service.code));
  return allowed.ok ? ok(service) : allowed;
}

/** Reserves the next id, creates the record and commits it; `conflict` when the id or the form was taken meanwhile. */
async function tryIssue<D, R, I>(
  context: AppContext,
  actor: Person,
  plan: IssuePlan<D, R, I>,
  service: Service,
  draft: D,
): Promise<Result<R | 'conflict'>> {
  const reserved = await context.store.records.nextNumber(service.code, issueKinds[plan.kind].counter);
  const decision: DecisionContext = { actor, now: nowOf(context), newId: context.newId };
  const created = plan.create(draft, reserved.id, decision);
  if (!created.ok) return created;
  const changes = issueChanges(
    plan,
    service,
    reserved.change,
    created.value,
    plan.idOf(created.value.record),
    decision,
  );
  try {
    await commitWithFollowUps(context, service.code, changes);
    return ok(created.value.record);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return ok('conflict');
  }
}

async function findIssued<D, R, I>(
  context: AppContext,
  plan: IssuePlan<D, R, I>,
  service: Service,
): Promise<I | null> {
  const submission = await context.store.records.getFormSubmission(service.code, plan.form.formId);
  const saved = submission ? await plan.reread(service, submission.subjectId) : null;
  return saved ? plan.issued(saved, service, await context.store.directory.listPeople(), true) : null;
}

/** The transaction: the counter, the record's rows, its audit events and the submission marker. */
function issueChanges<R>(
  plan: { form: { formId: string } },
  service: Service,
  counter: RecordChange,
  created: Created<R>,
  subjectId: string,
  decision: DecisionContext,
): RecordChange[] {
  const submission = {
    formId: plan.form.formId,
    subjectId,
    serviceCode: service.code,
    by: decision.actor.objectId,
    at: decision.now,
  };
  return [
    counter,
    ...created.rows,
    ...created.events.map((value): RecordChange => ({ kind: 'append', entity: { type: 'audit', value } })),
    { kind: 'create', entity: { type: 'submission', value: submission } },
  ];
}

/** Issues a record from its form; see the module comment. */
export async function issueRecord<Draft, R, Issued>(
  context: AppContext,
  actor: Person,
  plan: IssuePlan<Draft, R, Issued>,
): Promise<Result<Issued>> {
  const { action, plural } = issueKinds[plan.kind];
  const service = await serviceToIssueFor(context, actor, action, plan.form.serviceCode);
  if (!service.ok) return service;
  const earlier = await findIssued(context, plan, service.value);
  if (earlier) return ok(earlier);
  const people = await context.store.directory.listPeople();
  const draft = plan.read(service.value, people);
  if (!draft.ok) return draft;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const issued = await tryIssue(context, actor, plan, service.value, draft.value);
    if (!issued.ok) return issued;
    if (issued.value !== 'conflict') return ok(plan.issued(issued.value, service.value, people, false));
    // Either this form was submitted again meanwhile, or someone took the id number first.
    const meanwhile = await findIssued(context, plan, service.value);
    if (meanwhile) return ok(meanwhile);
  }
  return fail(
    'conflict',
    `Other ${plural} for ${service.value.name} were being issued at the same moment. Nothing was saved: please submit again.`,
  );
}
