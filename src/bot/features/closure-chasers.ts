/**
 * The approval chasers as a scheduled job: every pending closure request is checked against the
 * rule in src/domain/lifecycle/approval-chasers.ts; the approver gets their actionable card again
 * as a reminder, and an escalation sends the next level a read-only card. Each chaser sent is
 * stored on the request, so running the job twice on one day sends nothing twice.
 */
import type { ScheduledJob } from '../../app/shared/scheduled-job';
import { approverOfStep, ownersOfRequest } from '../../app/closure/closure-approvers';
import { loadClosureView } from '../../app/closure/show-closure';
import { toLondonDate } from '../../domain/clock';
import {
  approvalChasers,
  defaultApprovalChaserLimits,
  recordChaser,
  type ApprovalChaser,
  type ApprovalChaserLimits,
  type PendingApproval,
} from '../../domain/lifecycle/approval-chasers';
import { pendingStep } from '../../domain/lifecycle';
import { roleNames } from '../../domain/records';
import { ConflictError } from '../../store';
import { renderClosureCard } from '../../views/closure/closure-cards';
import { sendToPerson } from './closure-notify';
import type { FeatureContext } from './feature-context';

/** Every pending request with its approver today and who its escalation goes to. */
async function pendingApprovals(features: FeatureContext): Promise<PendingApproval[]> {
  const { store } = features.app;
  const people = await store.directory.listPeople();
  const directors = people.filter((p) => p.roles.includes('deputyPortfolioDirector')).map((p) => p.objectId);
  const pending: PendingApproval[] = [];
  for (const { value: request } of await store.records.listClosureRequests()) {
    const step = pendingStep(request);
    if (step === null) continue;
    const owners = await ownersOfRequest(features.app, request);
    const approver = owners ? await approverOfStep(features.app, owners, step) : null;
    if (!owners || !approver) continue;
    const escalateTo = step === 'cos' ? (owners.hmi === undefined ? directors : [owners.hmi]) : directors;
    pending.push({ request, approver: approver.person.objectId, escalateTo });
  }
  return pending;
}

async function sendChaser(features: FeatureContext, chaser: ApprovalChaser): Promise<void> {
  const { request, step, waitingWorkingDays } = chaser;
  const approverName =
    (await features.app.store.directory.getPerson(chaser.approver))?.name ?? 'the approver';
  for (const objectId of chaser.to) {
    const person = await features.app.store.directory.getPerson(objectId);
    if (!person) continue;
    const view = await loadClosureView(
      features.app,
      chaser.kind === 'reminder' ? person : null,
      request.serviceCode,
      request.id,
    );
    if (!view.ok) continue;
    const text =
      chaser.kind === 'reminder'
        ? `Reminder: the closure of ${request.subject.id} has waited ${String(waitingWorkingDays)} working days for your decision as ${roleNames[step]}.`
        : `Flagged to you: the closure of ${request.subject.id} has waited ${String(waitingWorkingDays)} working days for ${approverName} (${roleNames[step]}).`;
    const card = renderClosureCard(view.value, {
      notice: { text, tone: 'attention' },
      ...(chaser.kind === 'escalation' ? { actionable: false } : {}),
    });
    if (!(await sendToPerson(features, objectId, card))) {
      features.logger.warn({ requestId: request.id, objectId }, 'approval chaser not sent: no personal chat');
    }
  }
}

/** Stores that a chaser went, re-reading on a lost race. */
async function recordSent(features: FeatureContext, chaser: ApprovalChaser, today: string): Promise<void> {
  const { records } = features.app.store;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const fresh = await records.getClosureRequest(chaser.request.serviceCode, chaser.request.id);
    if (!fresh) return;
    try {
      await records.commit(chaser.request.serviceCode, [
        {
          kind: 'update',
          entity: { type: 'closure', value: recordChaser(fresh.value, chaser, today) },
          etag: fresh.etag,
        },
      ]);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}

/**
 * The scheduled job that sends approval reminders and escalations; the scheduler runs it daily.
 * `limits` come from APPROVAL_REMINDER_WORKING_DAYS and APPROVAL_ESCALATION_WORKING_DAYS.
 */
export function approvalChaserJob(
  features: FeatureContext,
  limits: ApprovalChaserLimits = defaultApprovalChaserLimits,
): ScheduledJob {
  return {
    name: 'approval-chasers',
    async run(now) {
      const today = toLondonDate(now);
      const chasers = approvalChasers(await pendingApprovals(features), today, limits, {
        extraHolidays: features.app.extraHolidays,
      });
      for (const chaser of chasers) {
        try {
          await sendChaser(features, chaser);
          await recordSent(features, chaser, today);
        } catch (error) {
          features.logger.error({ err: error, requestId: chaser.request.id }, 'approval chaser failed');
        }
      }
    },
  };
}
