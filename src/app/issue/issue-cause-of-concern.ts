/**
 * Issuing a cause of concern (CoC) from the `new coc` form: reading the form, and creating the CoC
 * with all its recommendations through the issue pipeline shared with areas for improvement
 * (src/app/shared/issue-record.ts).
 */
import { scheduleOf, type ActionPlanDue } from '../../domain/clock';
import { invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import { checkCocDates, createCauseOfConcern, type NewCauseOfConcern } from '../../domain/lifecycle';
import {
  Pillar,
  type ActionPlanRule,
  type CauseOfConcern,
  type LocalDate,
  type Person,
  type Recommendation,
  type Service,
} from '../../domain/records';
import type { RecordChange } from '../../store';
import { todayOf, type AppContext } from '../shared/app-context';
import { issueRecord, type IssuePlan } from '../shared/issue-record';
import {
  IssueList,
  nameOf,
  optionalDate,
  ownerWithRole,
  requiredDate,
  requiredText,
  withinLimit,
} from './read-form-fields';

/** How many recommendation slots the form has. */
export const recommendationSlots = 12;

/** The action-plan rules a form offers, by the value the form sends. */
export const actionPlanRuleChoices = [
  'workingDaysFromLetter',
  'daysFromPublication',
  'daysFromLetter',
  'fixedDate',
] as const;

/** The CoC form as submitted: every value as the person left it (strings, possibly empty). */
export interface CocFormInput {
  /** Minted when the form was drawn; makes the submission idempotent. */
  formId: string;
  serviceCode: string;
  title: string;
  finding: string;
  pillar: string;
  publicSafetyRisk: boolean;
  fieldworkEndDate: string;
  letterDate: string;
  reportPublishedDate: string;
  actionPlanRule: string;
  actionPlanFixedDate: string;
  /** One entry per slot, in form order; empty slots are skipped. */
  recommendations: { text: string; targetDate: string }[];
  sll: string;
  cos: string;
  hmi: string;
}

/** The dates that follow from a newly issued CoC, as the domain clock gives them. */
export interface CocDueDates {
  /** Public-safety CoCs only (§8). */
  notification?: LocalDate;
  actionPlan: ActionPlanDue;
  /** Counted from the letter, else publication; absent while neither is known. */
  firstQuarterlyUpdate?: LocalDate;
  engagement?: { earliest: LocalDate; latest: LocalDate };
}

/** An issued CoC, its recommendations and due dates. `alreadyIssued` is set for a repeated submission. */
export interface IssuedCoc {
  coc: CauseOfConcern;
  recommendations: Recommendation[];
  service: Service;
  dueDates: CocDueDates;
  /** The owners' names, for the cards. */
  ownerNames: { sll: string; cos: string; hmi: string };
  alreadyIssued: boolean;
}

/**
 * The due dates of a CoC as issued (§8, §13, §14), picked from the domain clock's obligations.
 * @example cocDueDates({ ...coc, letterDate: '2023-03-31' }, '2023-03-31').firstQuarterlyUpdate // '2023-06-30'
 */
export function cocDueDates(
  coc: CauseOfConcern,
  today: LocalDate,
  extraHolidays: readonly LocalDate[] = [],
): CocDueDates {
  const { obligations, actionPlan } = scheduleOf({ coc, recommendations: [] }, today, { extraHolidays });
  const dueDates: CocDueDates = { actionPlan };
  for (const obligation of obligations) {
    if (obligation.kind === 'notification') dueDates.notification = obligation.dueDate;
    if (obligation.kind === 'quarterlyUpdate') dueDates.firstQuarterlyUpdate = obligation.dueDate;
    if (obligation.kind === 'engagement')
      dueDates.engagement = { earliest: obligation.earliestDate, latest: obligation.dueDate };
  }
  return dueDates;
}

function actionPlanRuleOf(issues: IssueList, input: CocFormInput): ActionPlanRule | undefined {
  switch (input.actionPlanRule) {
    case 'workingDaysFromLetter':
      return { kind: 'workingDaysFromLetter', days: 28 };
    case 'daysFromPublication':
      return { kind: 'daysFromPublication', days: 28 };
    case 'daysFromLetter':
      return { kind: 'daysFromLetter', days: 28 };
    case 'fixedDate': {
      const date = requiredDate(
        issues,
        'actionPlanFixedDate',
        'fixed date for the action plan',
        input.actionPlanFixedDate,
      );
      return date === undefined ? undefined : { kind: 'fixedDate', date };
    }
    default:
      issues.add('actionPlanRule', 'Choose when the action plan is due.');
      return undefined;
  }
}

function recommendationsOf(issues: IssueList, input: CocFormInput): NewCauseOfConcern['recommendations'] {
  const drafts: NewCauseOfConcern['recommendations'] = [];
  input.recommendations.slice(0, recommendationSlots).forEach((slot, index) => {
    const field = `recommendation${index + 1}`;
    const text = slot.text.trim();
    const targetDate = optionalDate(
      issues,
      `${field}TargetDate`,
      `target date of recommendation ${index + 1}`,
      slot.targetDate,
    );
    if (text === '') {
      if (slot.targetDate.trim() !== '')
        issues.add(field, `Write recommendation ${index + 1}, or clear its target date.`);
      return;
    }
    const kept = withinLimit(issues, field, `recommendation ${index + 1}`, text, 2000);
    if (kept !== undefined)
      drafts.push(targetDate === undefined ? { text: kept } : { text: kept, targetDate });
  });
  if (drafts.length === 0 && !issues.issues.some((issue) => issue.field.startsWith('recommendation'))) {
    issues.add('recommendation1', 'Write at least one recommendation.');
  }
  return drafts;
}

/**
 * Reads the form into a new CoC (without its id), or lists every field at fault: required fields,
 * text limits, real dates, the date order the domain requires, the action-plan rule and the owners.
 */
export function readCocForm(
  input: CocFormInput,
  service: Service,
  people: readonly Person[],
): Result<Omit<NewCauseOfConcern, 'id'>> {
  const issues = new IssueList();
  const title = requiredText(issues, 'title', 'title', input.title, 200);
  const finding = requiredText(issues, 'finding', 'finding', input.finding, 4000);
  const pillar = Pillar.safeParse(input.pillar);
  if (!pillar.success) issues.add('pillar', 'Choose the pillar: effectiveness, efficiency or people.');
  const fieldworkEndDate = requiredDate(
    issues,
    'fieldworkEndDate',
    'fieldwork end date',
    input.fieldworkEndDate,
  );
  const letterDate = optionalDate(issues, 'letterDate', 'letter date', input.letterDate);
  const reportPublishedDate = optionalDate(
    issues,
    'reportPublishedDate',
    'report publication date',
    input.reportPublishedDate,
  );
  for (const issue of checkCocDates({ fieldworkEndDate, letterDate, reportPublishedDate })) {
    issues.add(issue.field, issue.message);
  }
  const actionPlanRule = actionPlanRuleOf(issues, input);
  const recommendations = recommendationsOf(issues, input);
  const sll = ownerWithRole(issues, 'sll', input.sll, people, service);
  const cos = ownerWithRole(issues, 'cos', input.cos, people, service);
  const hmi = ownerWithRole(issues, 'hmi', input.hmi, people, service);

  if (
    !issues.isEmpty ||
    title === undefined ||
    finding === undefined ||
    !pillar.success ||
    fieldworkEndDate === undefined ||
    actionPlanRule === undefined ||
    sll === undefined ||
    cos === undefined ||
    hmi === undefined
  ) {
    return invalid(issues.issues, 'Some details need correcting: see the messages under the fields.');
  }
  return ok({
    serviceCode: service.code,
    title,
    finding,
    pillar: pillar.data,
    publicSafetyRisk: input.publicSafetyRisk,
    fieldworkEndDate,
    ...(letterDate === undefined ? {} : { letterDate }),
    ...(reportPublishedDate === undefined ? {} : { reportPublishedDate }),
    actionPlanRule,
    owners: { sll, cos, hmi },
    recommendations,
  });
}

/** The domain names some fields differently from the form: put its issues under the form's inputs. */
function onFormFields(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) =>
    issue.field.startsWith('actionPlanRule') ? { ...issue, field: 'actionPlanFixedDate' } : issue,
  );
}

/** A CoC with its recommendations, as the pipeline creates and re-reads it. */
interface CocWithItsRecommendations {
  coc: CauseOfConcern;
  recommendations: Recommendation[];
}

function issuedOf(context: AppContext) {
  return (
    created: CocWithItsRecommendations,
    service: Service,
    people: readonly Person[],
    alreadyIssued: boolean,
  ): IssuedCoc => {
    const { coc, recommendations } = created;
    const { sll, cos, hmi } = coc.owners;
    return {
      coc,
      recommendations,
      service,
      dueDates: cocDueDates(coc, todayOf(context), context.extraHolidays),
      ownerNames: { sll: nameOf(people, sll), cos: nameOf(people, cos), hmi: nameOf(people, hmi) },
      alreadyIssued,
    };
  };
}

/** The CoC and its recommendations from the draft, or the domain's refusal under the form's fields. */
function createCoc(
  draft: Omit<NewCauseOfConcern, 'id'>,
  id: string,
  decision: Parameters<typeof createCauseOfConcern>[1],
) {
  const created = createCauseOfConcern({ ...draft, id }, decision);
  if (!created.ok) {
    return created.error.code === 'validation'
      ? invalid(onFormFields(created.error.issues), created.error.reason)
      : created;
  }
  const { coc, recommendations, events } = created.value;
  const rows: RecordChange[] = [
    { kind: 'create', entity: { type: 'coc', value: coc } },
    ...recommendations.map((value): RecordChange => ({
      kind: 'create',
      entity: { type: 'recommendation', value },
    })),
  ];
  return ok({ record: { coc, recommendations }, rows, events });
}

/** How the issue pipeline makes a CoC from its form. */
function cocIssuePlan(
  context: AppContext,
  input: CocFormInput,
): IssuePlan<Omit<NewCauseOfConcern, 'id'>, CocWithItsRecommendations, IssuedCoc> {
  return {
    create: createCoc,
    reread: async (service, id) => {
      const saved = await context.store.records.getCocWithRecommendations(service.code, id);
      return saved
        ? { coc: saved.coc.value, recommendations: saved.recommendations.map((r) => r.value) }
        : null;
    },
    idOf: ({ coc }) => coc.id,
    issued: issuedOf(context),
    read: (service, people) => readCocForm(input, service, people),
    kind: 'coc',
    form: input,
  };
}

/**
 * Issues a CoC from its form through the issue pipeline: the caller must be the service's SLL or an
 * administrator. A form already submitted gives back the CoC it created. Bad input comes back as a
 * `validation` error listing each field; nothing is written then.
 */
export async function issueCauseOfConcern(
  context: AppContext,
  actor: Person,
  input: CocFormInput,
): Promise<Result<IssuedCoc>> {
  return issueRecord(context, actor, cocIssuePlan(context, input));
}
