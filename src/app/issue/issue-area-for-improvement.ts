/**
 * Issuing an area for improvement (AFI) from the `new afi` form: reading the form, and creating the
 * AFI through the issue pipeline shared with causes of concern (src/app/shared/issue-record.ts).
 */
import { invalid, ok, type Result } from '../../domain/errors';
import { createAreaForImprovement, type NewAreaForImprovement } from '../../domain/lifecycle';
import { QuestionRef, type AreaForImprovement, type Person, type Service } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import {
  IssueList,
  nameOf,
  optionalDate,
  ownerWithRole,
  requiredText,
  withinLimit,
} from './read-form-fields';
import { issueRecord, type IssuePlan } from '../shared/issue-record';

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

/** How the issue pipeline makes an AFI from its form. */
function afiIssuePlan(
  context: AppContext,
  input: AfiFormInput,
): IssuePlan<Omit<NewAreaForImprovement, 'id'>, AreaForImprovement, IssuedAfi> {
  return {
    create: (draft, id, decision) => {
      const created = createAreaForImprovement({ ...draft, id }, decision);
      if (!created.ok) return created;
      const afi = created.value.state;
      return ok({
        record: afi,
        rows: [{ kind: 'create', entity: { type: 'afi', value: afi } }],
        events: created.value.events,
      });
    },
    reread: async (service, id) => (await context.store.records.getAfi(service.code, id))?.value ?? null,
    idOf: (afi) => afi.id,
    issued,
    read: (service, people) => readAfiForm(input, service, people),
    kind: 'afi',
    form: input,
  };
}

/**
 * Issues an AFI from its form through the issue pipeline (src/app/shared/issue-record.ts): the
 * caller must be the service's SLL or an administrator. Bad input comes back as a `validation`
 * error listing each field; nothing is written then.
 */
export async function issueAreaForImprovement(
  context: AppContext,
  actor: Person,
  input: AfiFormInput,
): Promise<Result<IssuedAfi>> {
  return issueRecord(context, actor, afiIssuePlan(context, input));
}
