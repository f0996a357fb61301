/**
 * Use case: the Service Liaison Lead or the region's Chief of Staff proposes a revisit of a cause
 * of concern (§17-20). The revisit (numbered after the CoC's earlier ones), its audit event and the
 * form's submission marker are saved in one transaction; the approver's card follows through the
 * outbox. A Chief of Staff's proposal is their endorsement: it goes straight to the HM Inspector.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { nextRevisitNumber, proposeRevisit, type DecisionContext } from '../../domain/lifecycle';
import type { CauseOfConcern, Person, Revisit } from '../../domain/records';
import type { CocWithRecommendations } from '../../store';
import type { AppContext } from '../shared/app-context';
import { changeRecord, checkChange, type Decided, type Loaded } from '../shared/change-record';
import { causesOfConcern } from '../shared/record-kinds';
import { mayIn, scopeOf, type ServiceScope } from '../shared/record-scope';
import { revisitProposedJob } from './notify-revisit';
import type { RevisitFacts } from './show-revisit';

/** What the proposer typed. */
export interface ProposeRevisitInput {
  cocId: string;
  /** The form's own id, so a double click proposes one revisit. */
  formId: string;
  firstDay: string;
  lastDay: string;
  purpose: string;
  team: string;
}

/** A CoC read for a proposal, with its revisits so far. */
type LoadedCoc = Loaded<CauseOfConcern> & { found: CocWithRecommendations };

async function loadCoc(context: AppContext, cocIdText: string): Promise<Result<LoadedCoc>> {
  const parsed = parseRecordId(cocIdText);
  if (parsed?.kind !== 'coc')
    return fail('not-found', `“${cocIdText}” is not the id of a cause of concern, e.g. BUC-1.`);
  const found = await context.store.records.getCocWithRecommendations(parsed.serviceCode, parsed.id);
  if (!found) return fail('not-found', causesOfConcern.notFound(parsed.id));
  return ok({
    kind: causesOfConcern,
    partition: parsed.serviceCode,
    record: found.coc,
    owners: found.coc.value.owners,
    found,
  });
}

/** The CoC the form is for, once the caller may propose a revisit of it. */
export interface RevisitFormSubject {
  coc: CauseOfConcern;
  serviceName: string;
  /** The id the revisit will get. */
  nextId: string;
  /** The caller is the region's Chief of Staff: proposing is endorsing. */
  endorses: boolean;
}

function endorsesOf(actor: Person, scope: ServiceScope): boolean {
  return actor.roles.includes('cos') && mayIn(actor, 'endorseRevisit', scope);
}

/** Checks the caller may propose a revisit of this CoC now, before the form is shown. */
export async function prepareRevisitForm(
  context: AppContext,
  actor: Person,
  cocId: string,
): Promise<Result<RevisitFormSubject>> {
  const checked = await checkChange(context, actor, 'proposeRevisit', () => loadCoc(context, cocId));
  if (!checked.ok) return checked;
  const { found } = checked.value.loaded;
  const coc = found.coc.value;
  if (coc.status !== 'open')
    return fail('invalid-transition', `${coc.id} is closed: only an open cause of concern is revisited.`);
  const number = nextRevisitNumber((found.revisits ?? []).map((r) => r.value));
  return ok({
    coc,
    serviceName: checked.value.scope.serviceName,
    nextId: `${coc.id}-R${String(number)}`,
    endorses: endorsesOf(actor, checked.value.scope),
  });
}

function decide(
  loaded: LoadedCoc,
  input: ProposeRevisitInput,
  decision: DecisionContext,
  endorses: boolean,
): Result<Decided<CauseOfConcern, RevisitFacts>> {
  const coc = loaded.record.value;
  const proposed = proposeRevisit(
    {
      coc,
      number: nextRevisitNumber((loaded.found.revisits ?? []).map((r) => r.value)),
      firstDay: input.firstDay,
      lastDay: input.lastDay,
      purpose: input.purpose,
      team: input.team,
      endorsedByProposer: endorses,
    },
    decision,
  );
  if (!proposed.ok) return proposed;
  const { revisit, events } = proposed.value;
  const facts: RevisitFacts = { revisit, owners: coc.owners, cocTitle: coc.title };
  const submission = {
    formId: input.formId,
    subjectId: revisit.id,
    serviceCode: revisit.serviceCode,
    by: decision.actor.objectId,
    at: decision.now,
  };
  return ok({
    events,
    also: [
      { kind: 'create', entity: { type: 'revisit', value: revisit } },
      { kind: 'create', entity: { type: 'submission', value: submission } },
    ],
    outcome: facts,
    jobs: [revisitProposedJob(facts)],
  });
}

/** A proposal saved (or, for a form submitted twice, the revisit the first submission made). */
export interface RevisitProposed {
  facts: RevisitFacts;
  /** False when this was the same form submitted again. */
  isNew: boolean;
}

/** The revisit a form already proposed, if it was submitted before. */
async function proposedBefore(
  context: AppContext,
  input: ProposeRevisitInput,
): Promise<Result<RevisitProposed> | null> {
  const coc = parseRecordId(input.cocId);
  if (coc?.kind !== 'coc' || input.formId === '') return null;
  const submission = await context.store.records.getFormSubmission(coc.serviceCode, input.formId);
  if (!submission) return null;
  const found = await context.store.records.getCocWithRecommendations(coc.serviceCode, coc.id);
  const revisit: Revisit | undefined = found?.revisits?.find(
    (r) => r.value.id === submission.subjectId,
  )?.value;
  if (!found || !revisit) return null;
  return ok({
    facts: { revisit, owners: found.coc.value.owners, cocTitle: found.coc.value.title },
    isNew: false,
  });
}

/** Proposes a revisit through the change pipeline. */
export async function proposeRevisitOf(
  context: AppContext,
  actor: Person,
  input: ProposeRevisitInput,
): Promise<Result<RevisitProposed>> {
  const before = await proposedBefore(context, input);
  if (before) return before;
  let endorses = false;
  const result = await changeRecord(context, actor, {
    action: 'proposeRevisit',
    load: async () => {
      const loaded = await loadCoc(context, input.cocId);
      if (loaded.ok) {
        const { partition, owners } = loaded.value;
        endorses = endorsesOf(actor, await scopeOf(context, actor, partition, { owners }));
      }
      return loaded;
    },
    fields:
      input.formId.trim() === ''
        ? fail('invalid-transition', 'The form has no id: open it again.')
        : ok(input),
    decide: (loaded, fields, decision) => decide(loaded, fields, decision, endorses),
    whenConflict: () =>
      Promise.resolve(
        fail(
          'conflict',
          `Someone proposed a revisit of ${input.cocId.toUpperCase()} at the same moment. Open the form again.`,
        ),
      ),
  });
  if (!result.ok && result.error.code === 'conflict') return (await proposedBefore(context, input)) ?? result;
  if (!result.ok) return result;
  return result.value.outcome
    ? ok({ facts: result.value.outcome, isNew: true })
    : fail('invalid-transition', 'Nothing was proposed.');
}
