/**
 * What goes out around a revisit once the person who acted has had their answer: the card to the
 * approver who decides next (in their personal chat), the outcome to whoever proposed it, and,
 * once the findings are recorded, the drafted letter to the HM Inspector to check, sign and send.
 * These are outbox jobs written in the change's own transaction (src/app/shared/outbox.ts).
 */
import { z } from 'zod';
import { ObjectId, Owners, Revisit, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { notifyPerson } from '../shared/deliver';
import type { Notice, Notifier } from '../shared/notifier';
import type { OutboxJob } from '../shared/outbox';
import {
  loadRevisit,
  revisitApproverOf,
  revisitFactsOf,
  revisitViewFor,
  type RevisitCardView,
  type RevisitFacts,
} from './show-revisit';

/** The messages of revisits. */
export type RevisitMessage =
  | { kind: 'revisit-card'; view: RevisitCardView; notice?: Notice }
  | { kind: 'revisit-letter'; revisit: Revisit; cocTitle: string; serviceName: string };

type RevisitNotifier = Notifier<RevisitMessage>;

const RevisitFactsJson = z.object({ revisit: Revisit, owners: Owners, cocTitle: z.string() });

/** The job of a new proposal: the first approver's card. */
export const RevisitProposedJob = z.object({ kind: z.literal('revisit-proposed'), facts: RevisitFactsJson });

/** The job of a decided step: the next approver's card, the proposer's news. */
export const RevisitDecidedJob = z.object({
  kind: z.literal('revisit-decided'),
  actorId: ObjectId,
  facts: RevisitFactsJson,
});

/**
 * The job of recorded findings: the letter draft to the HM Inspector. It names the revisit only (the
 * letter is read when the job is done): a whole letter would not fit in the outbox row.
 */
export const RevisitFindingsJob = z.object({
  kind: z.literal('revisit-findings'),
  revisitId: z.string().min(1),
});

export const revisitProposedJob = (facts: RevisitFacts): OutboxJob => ({ kind: 'revisit-proposed', facts });
export const revisitDecidedJob = (actor: Person, facts: RevisitFacts): OutboxJob => ({
  kind: 'revisit-decided',
  actorId: actor.objectId,
  facts,
});
export const revisitFindingsJob = (revisitId: string): OutboxJob => ({ kind: 'revisit-findings', revisitId });

/** Sends the approver of the waiting step their card, with `intro` on top; whether it went. */
async function sendToApprover(
  context: AppContext,
  notifier: RevisitNotifier,
  facts: RevisitFacts,
  intro: (approver: Person) => string,
): Promise<boolean> {
  const approver = await revisitApproverOf(context, facts);
  if (!approver?.reachable) return false;
  const view = await revisitViewFor(context, approver.person, facts);
  if (!view.ok) throw new Error(`could not draw the revisit card: ${view.error.reason}`);
  return notifyPerson(context, notifier, approver.person.objectId, {
    kind: 'revisit-card',
    view: view.value,
    notice: { text: intro(approver.person), tone: 'good' },
  });
}

/** After a proposal: the Chief of Staff (or, when the CoS proposed it, the HM Inspector) gets the card. */
export async function notifyRevisitProposed(
  context: AppContext,
  notifier: RevisitNotifier,
  facts: RevisitFacts,
): Promise<void> {
  const proposer = await context.store.directory.getPerson(facts.revisit.proposedBy);
  const who = proposer?.name ?? 'Someone';
  const { id } = facts.revisit;
  await sendToApprover(context, notifier, facts, () =>
    facts.revisit.status === 'pendingHmi'
      ? `${who} (Chief of Staff) proposes and endorses revisit ${id}. Please approve it or refuse it.`
      : `${who} proposes revisit ${id}. Please endorse it or refuse it.`,
  );
}

/** After a decision: the HM Inspector's card when endorsed; the proposer's news in every case. */
export async function notifyRevisitDecided(
  context: AppContext,
  notifier: RevisitNotifier,
  job: z.infer<typeof RevisitDecidedJob>,
): Promise<void> {
  const { facts } = job;
  const actor = await context.store.directory.getPerson(job.actorId);
  const who = actor?.name ?? 'Someone';
  const { revisit } = facts;
  let text: string;
  let tone: Notice['tone'] = 'good';
  if (revisit.status === 'pendingHmi') {
    await sendToApprover(
      context,
      notifier,
      facts,
      () => `${who} (Chief of Staff) endorses revisit ${revisit.id}. Please approve it or refuse it.`,
    );
    text = `${who} endorsed revisit ${revisit.id}; it has gone to the HM Inspector to approve.`;
  } else if (revisit.status === 'approved') {
    text = `${who} approved revisit ${revisit.id}. After it, record the date the initial findings were given and the findings.`;
  } else {
    const reason = revisit.steps.find((s) => s.decision === 'rejected')?.reason ?? 'no reason given';
    text = `${who} refused revisit ${revisit.id}: ${reason.replace(/[.!?]+$/, '')}.`;
    tone = 'attention';
  }
  const proposer = await context.store.directory.getPerson(revisit.proposedBy);
  if (!proposer) return;
  const view = await revisitViewFor(context, proposer, facts);
  if (!view.ok) return;
  await notifyPerson(context, notifier, proposer.objectId, {
    kind: 'revisit-card',
    view: view.value,
    notice: { text, tone },
  });
}

/** After the findings: the drafted letter goes to the CoC's HM Inspector to check, sign and send. */
export async function notifyRevisitFindings(
  context: AppContext,
  notifier: RevisitNotifier,
  revisitId: string,
): Promise<void> {
  const loaded = await loadRevisit(context, revisitId);
  if (!loaded.ok) return;
  const facts = revisitFactsOf(loaded.value);
  const { revisit } = facts;
  if (revisit.letter === undefined) return;
  const serviceName =
    (await context.store.directory.getService(revisit.serviceCode))?.name ?? revisit.serviceCode;
  await notifyPerson(context, notifier, facts.owners.hmi, {
    kind: 'revisit-letter',
    revisit,
    cocTitle: facts.cocTitle,
    serviceName,
  });
}
