/**
 * Issuing an area for improvement (AFI) from the `new afi` form: check the caller may issue for the
 * service, read the form, create the AFI and save it with the id counter, its audit event and the
 * form's submission marker in one transaction (a second submission of the same form gives back the
 * AFI the first one created; see issue-cause-of-concern.ts).
 */
import { fail, invalid, ok, type Result } from '../../domain/errors';
import { createAreaForImprovement, type NewAreaForImprovement } from '../../domain/lifecycle';
import { QuestionRef, type AreaForImprovement, type Person, type Service } from '../../domain/records';
import { ConflictError, type RecordChange } from '../../store';
import { nowOf, type AppContext } from '../shared/app-context';
import {
  IssueList,
  nameOf,
  optionalDate,
  ownerWithRole,
  requiredText,
  withinLimit,
} from './read-form-fields';
import { authorizeIssueFor } from './issue-form-options';

/** The AFI form as submitted: every value as the person left it. */
export interface AfiFormInput {
  /** Minted when the form was drawn; makes the submission idempotent. */
  formId: string;
  serviceCode: string;
  questionRef: string;
  text: string;
  finding: string;
  targetDate: string;
  sll: string;
  cos: string;
}

/** An issued AFI. `alreadyIssued` is set for a repeated submission. */
export interface IssuedAfi {
  afi: AreaForImprovement;
  service: Service;
  /** The owners' names, for the cards. */
  ownerNames: { sll: string; cos: string };
  alreadyIssued: boolean;
}

const attempts = 3;

/** Reads the form into a new AFI (without its id), or lists every field at fault. */
export function readAfiForm(
  input: AfiFormInput,
  service: Service,
  people: readonly Person[],
): Result<Omit<NewAreaForImprovement, 'id'>> {
  const issues = new IssueList();
  const reference = input.questionRef.trim().toUpperCase();
  if (reference === '') issues.add('questionRef', 'Enter the question reference, for example ES1.1.');
  else if (!QuestionRef.safeParse(reference).success) {
    issues.add('questionRef', 'The question reference must look like ES1.1 or P1.12.');
  }
  const text = requiredText(issues, 'text', 'area for improvement', input.text, 2000);
  const finding =
    input.finding.trim() === ''
      ? undefined
      : withinLimit(issues, 'finding', 'finding', input.finding.trim(), 4000);
  const targetDate = optionalDate(issues, 'targetDate', 'target date', input.targetDate);
  const sll = ownerWithRole(issues, 'sll', input.sll, people, service);
  const cos = ownerWithRole(issues, 'cos', input.cos, people, service);
  if (!issues.isEmpty || text === undefined || sll === undefined || cos === undefined) {
    return invalid(issues.issues, 'Some details need correcting: see the messages under the fields.');
  }
  return ok({
    serviceCode: service.code,
    questionRef: reference,
    text,
    ...(finding === undefined ? {} : { finding }),
    ...(targetDate === undefined ? {} : { targetDate }),
    sll,
    cos,
  });
}

async function findIssued(context: AppContext, service: Service, formId: string): Promise<IssuedAfi | null> {
  const submission = await context.store.records.getFormSubmission(service.code, formId);
  if (!submission) return null;
  const saved = await context.store.records.getAfi(service.code, submission.subjectId);
  if (!saved) return null;
  return issued(saved.value, service, await context.store.directory.listPeople(), true);
}

function issued(
  afi: AreaForImprovement,
  service: Service,
  people: readonly Person[],
  alreadyIssued: boolean,
): IssuedAfi {
  return {
    afi,
    service,
    ownerNames: { sll: nameOf(people, afi.sll), cos: nameOf(people, afi.cos) },
    alreadyIssued,
  };
}

/**
 * Issues an AFI from its form: the caller must be the service's SLL or an administrator. Bad input
 * comes back as a `validation` error listing each field; nothing is written then.
 */
export async function issueAreaForImprovement(
  context: AppContext,
  actor: Person,
  input: AfiFormInput,
): Promise<Result<IssuedAfi>> {
  const allowed = await authorizeIssueFor(context, actor, 'issueAfi', input.serviceCode);
  if (!allowed.ok) {
    return allowed.error.code === 'not-found'
      ? invalid([{ field: 'serviceCode', message: 'Choose a service from the list.' }])
      : allowed;
  }
  const { service } = allowed.value;
  const earlier = await findIssued(context, service, input.formId);
  if (earlier) return ok(earlier);

  const people = await context.store.directory.listPeople();
  const draft = readAfiForm(input, service, people);
  if (!draft.ok) return draft;

  const { records } = context.store;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const reserved = await records.nextNumber(service.code, 'afi');
    const now = nowOf(context);
    const created = createAreaForImprovement(
      { ...draft.value, id: reserved.id },
      { actor, now, newId: context.newId },
    );
    if (!created.ok) return created;
    const afi = created.value.state;
    const changes: RecordChange[] = [
      reserved.change,
      { kind: 'create', entity: { type: 'afi', value: afi } },
      ...created.value.events.map((value): RecordChange => ({
        kind: 'append',
        entity: { type: 'audit', value },
      })),
      {
        kind: 'create',
        entity: {
          type: 'submission',
          value: {
            formId: input.formId,
            subjectId: afi.id,
            serviceCode: service.code,
            by: actor.objectId,
            at: now,
          },
        },
      },
    ];
    try {
      await records.commit(service.code, changes);
      return ok(issued(afi, service, people, false));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const issuedMeanwhile = await findIssued(context, service, input.formId);
      if (issuedMeanwhile) return ok(issuedMeanwhile);
    }
  }
  return fail(
    'conflict',
    `Other areas for improvement for ${service.name} were being issued at the same moment. Nothing was saved: please submit again.`,
  );
}
