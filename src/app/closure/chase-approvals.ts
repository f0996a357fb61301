/**
 * The approval chasers, a scheduled job: every pending closure request is checked against the rule
 * in src/domain/lifecycle/approval-chasers.ts; the approver gets their actionable card again as a
 * reminder, and an escalation sends the next level a read-only card. Each chaser sent is stored on
 * the request with an audit event, so running the job twice on one day sends nothing twice.
 */
import { toLondonDate } from '../../domain/clock';
import { pendingStep } from '../../domain/lifecycle';
import {
  approvalChasers,
  defaultApprovalChaserLimits,
  recordChaser,
  type ApprovalChaser,
  type ApprovalChaserLimits,
  type PendingApproval,
} from '../../domain/lifecycle/approval-chasers';
import { roleNames } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { notifyPerson } from '../shared/deliver';
import type { Notifier } from '../shared/notifier';
import { nameOf } from '../shared/people';
import { closureRequests } from '../shared/record-kinds';
import type { ScheduledJob } from '../shared/scheduled-job';
import { systemEvent, updateBySystem } from '../shared/system-writes';
import { approverOfStep, ownersOfRequest } from './closure-approvers';
import type { ClosureMessage } from './notify-closure';
import { loadClosureView } from './show-closure';

/** Every pending request with its approver today and who its escalation goes to. */
async function pendingApprovals(context: AppContext): Promise<PendingApproval[]> {
  const { store } = context;
  const people = await store.directory.listPeople();
  const directors = people.filter((p) => p.roles.includes('deputyPortfolioDirector')).map((p) => p.objectId);
  const pending: PendingApproval[] = [];
  for (const { value: request } of await store.records.listClosureRequests()) {
    const step = pendingStep(request);
    if (step === null) continue;
    const owners = await ownersOfRequest(context, request);
    const approver = owners ? await approverOfStep(context, owners, step) : null;
    if (!owners || !approver) continue;
    const escalateTo =
      step === 'cos' && owners.hmi !== undefined
        ? [owners.hmi]
        : directors.filter((id) => id !== request.requestedBy);
    pending.push({ request, approver: approver.person.objectId, escalateTo });
  }
  return pending;
}

/** The notice on a chaser's card. */
function chaserText(chaser: ApprovalChaser, approverName: string): string {
  const { request, step, waitingWorkingDays } = chaser;
  const days = `${String(waitingWorkingDays)} working days`;
  return chaser.kind === 'reminder'
    ? `Reminder: the closure of ${request.subject.id} has waited ${days} for your decision as ${roleNames[step]}.`
    : `Flagged to you: the closure of ${request.subject.id} has waited ${days} for ${approverName} (${roleNames[step]}).`;
}

/** Sends one chaser to each of its people; returns those the bot could not reach. */
async function sendChaser(
  context: AppContext,
  notifier: Notifier<ClosureMessage>,
  chaser: ApprovalChaser,
): Promise<string[]> {
  const { request } = chaser;
  const text = chaserText(chaser, await nameOf(context, chaser.approver, 'the approver'));
  const unreached: string[] = [];
  for (const objectId of chaser.to) {
    const person = await context.store.directory.getPerson(objectId);
    const viewer = chaser.kind === 'reminder' ? person : null;
    const view = person ? await loadClosureView(context, viewer, request.serviceCode, request.id) : null;
    if (!view?.ok) continue;
    const message: ClosureMessage = {
      kind: 'closure-card',
      view: view.value,
      notice: { text, tone: 'attention' },
      ...(chaser.kind === 'escalation' ? { actionable: false } : {}),
    };
    if (!(await notifyPerson(context, notifier, objectId, message))) unreached.push(objectId);
  }
  return unreached;
}

/** Stores that a chaser went, with its audit event. */
async function recordSent(context: AppContext, chaser: ApprovalChaser, today: string): Promise<void> {
  const { serviceCode, id } = chaser.request;
  await updateBySystem(context, closureRequests, { partition: serviceCode, id }, (fresh) => ({
    state: recordChaser(fresh, chaser, today),
    event: systemEvent(
      context,
      chaser.kind === 'reminder' ? 'closure.approver-reminded' : 'closure.escalated',
      { kind: 'closureRequest', id, about: fresh.subject.id, serviceCode, cocId: fresh.cocId },
      [{ field: 'chasers', to: `${chaser.kind} to the ${roleNames[chaser.step]} step` }],
      chaserText(chaser, 'the approver'),
    ),
  }));
}

/**
 * The scheduled job that sends approval reminders and escalations; the scheduler runs it daily.
 * `limits` come from APPROVAL_REMINDER_WORKING_DAYS and APPROVAL_ESCALATION_WORKING_DAYS.
 */
export function approvalChaserJob(
  context: AppContext,
  notifier: Notifier<ClosureMessage>,
  onProblem: (problem: { requestId: string; unreached?: string[]; error?: unknown }) => void,
  limits: ApprovalChaserLimits = defaultApprovalChaserLimits,
): ScheduledJob {
  return {
    name: 'approval-chasers',
    async run(now) {
      const today = toLondonDate(now);
      const chasers = approvalChasers(await pendingApprovals(context), today, limits, {
        extraHolidays: context.extraHolidays,
      });
      for (const chaser of chasers) {
        try {
          const unreached = await sendChaser(context, notifier, chaser);
          if (unreached.length > 0) onProblem({ requestId: chaser.request.id, unreached });
          await recordSent(context, chaser, today);
        } catch (error) {
          onProblem({ requestId: chaser.request.id, error });
        }
      }
    },
  };
}
