/**
 * Use case: the Chief of Staff endorses, or the HM Inspector approves, a revisit with one click; or
 * either refuses it with a reason (§20). Checked again on the server whatever the card said: the
 * caller's role and region, delegations, separation of duties and the revisit's current state. The
 * revisit and its audit event are saved with its ETag; the next approver's card and the proposer's
 * news follow through the outbox, and an approved revisit is re-indexed as an obligation.
 */
import { formatChangeTime } from '../../domain/clock';
import { fail, ok, type DomainError, type Result } from '../../domain/errors';
import { decideRevisit, type RevisitCommand, type RevisitStepRole } from '../../domain/lifecycle';
import { revisitStepActions } from '../../domain/policy';
import type { Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord } from '../shared/change-record';
import { nameOf } from '../shared/people';
import { revisitDecidedJob } from './notify-revisit';
import { loadRevisit, revisitFactsOf, type RevisitFacts } from './show-revisit';

/** The approver's click. The id only names the revisit; nothing else on the card is trusted. */
export interface DecideRevisitInput {
  revisitId: string;
  step: RevisitStepRole;
  decision: 'approve' | 'refuse';
  reason?: string | undefined;
}

/** "Already endorsed by Morgan Hughes at 10:05 on 22 November 2026." */
async function alreadyDecidedReason(context: AppContext, error: DomainError): Promise<DomainError> {
  if (error.code !== 'already-decided') return error;
  const when = error.at === undefined ? '' : ` at ${formatChangeTime(error.at)}`;
  const how = error.reason.replace(/^This revisit has already been (\w+).*$/, '$1');
  return { ...error, reason: `Already ${how} by ${await nameOf(context, error.by, 'someone')}${when}.` };
}

/** Decides the step of a revisit the card was for, through the change pipeline. */
export async function decideRevisitStep(
  context: AppContext,
  actor: Person,
  input: DecideRevisitInput,
): Promise<Result<RevisitFacts>> {
  const command: RevisitCommand =
    input.decision === 'approve'
      ? { type: 'approve', step: input.step }
      : { type: 'refuse', step: input.step, reason: input.reason ?? '' };
  const result = await changeRecord(context, actor, {
    action: revisitStepActions[input.step],
    load: async () => {
      const loaded = await loadRevisit(context, input.revisitId);
      // A revisit is of an open CoC: once its CoC is closed, a waiting proposal can't go on.
      if (loaded.ok && loaded.value.coc.value.status === 'closed')
        return fail(
          'invalid-transition',
          `${loaded.value.coc.value.id} is closed, so revisit ${loaded.value.record.value.id} can't be approved now.`,
        );
      return loaded;
    },
    fields: ok(command),
    decide: async (loaded, fields, decision) => {
      const decided = decideRevisit(loaded.record.value, fields, decision);
      if (!decided.ok) {
        const error = await alreadyDecidedReason(context, decided.error);
        return { ok: false, error };
      }
      const facts = revisitFactsOf(loaded, decided.value.revisit);
      return ok({
        state: decided.value.revisit,
        events: decided.value.events,
        outcome: facts,
        jobs: [revisitDecidedJob(decision.actor, facts)],
      });
    },
  });
  if (!result.ok) return result;
  return result.value.outcome ? ok(result.value.outcome) : fail('invalid-transition', 'Nothing was decided.');
}
