/**
 * Use case: once a cause of concern has closed, draft its closure letter (§25) and keep it with the
 * CoC, for the Service Liaison Lead to check and send. Runs after the HM Inspector's sign-off has
 * been answered; drafting twice keeps the first draft.
 */
import { formatLongDate } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { auditEvent, touched, type DecisionContext } from '../../domain/lifecycle';
import { draftClosureLetter, type ClosureReason } from '../../domain/lifecycle/closure-letter';
import type { CauseOfConcern, Person, Recommendation } from '../../domain/records';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { commitOrDetectConflict } from '../shared/change-record';

/** A CoC with its saved closure letter. */
export interface ClosureLetterDrafted {
  coc: CauseOfConcern;
  letter: string;
}

/** The validation notes and evidence of the approved closure request of each recommendation. */
async function reasonsFor(context: AppContext, serviceCode: string, cocId: string): Promise<ClosureReason[]> {
  const requests = (await context.store.records.listClosureRequests(serviceCode))
    .map((r) => r.value)
    .filter((r) => r.cocId === cocId && r.status === 'approved' && r.subject.kind === 'recommendation')
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const latest = new Map(requests.map((r) => [r.subject.id, r]));
  return [...latest.values()].map((r) => ({
    recommendationId: r.subject.id,
    validationNote: r.validationNote,
    evidenceLinks: r.evidenceLinks,
  }));
}

/** The letter of a closed CoC, signed by its HM Inspector (else by whoever closed it). */
async function letterFor(
  context: AppContext,
  actor: Person,
  coc: CauseOfConcern,
  recommendations: Recommendation[],
): Promise<string> {
  const { directory } = context.store;
  const service = await directory.getService(coc.serviceCode);
  const hmi = await directory.getPerson(coc.owners.hmi);
  return draftClosureLetter({
    service: service ?? { code: coc.serviceCode, name: coc.serviceCode, regionId: 'unknown' },
    coc,
    recommendations,
    reasons: await reasonsFor(context, coc.serviceCode, coc.id),
    signedBy: hmi?.name ?? actor.name,
    date: todayOf(context),
  });
}

/** Saves the letter on the CoC with its audit event; `'conflict'` when the CoC changed meanwhile. */
async function saveLetter(
  context: AppContext,
  decision: DecisionContext,
  coc: CauseOfConcern,
  etag: string,
  letter: string,
) {
  const state = touched({ ...coc, closureLetter: letter }, decision);
  const event = auditEvent(
    decision,
    'coc.closure-letter-drafted',
    { kind: 'coc', id: coc.id, serviceCode: coc.serviceCode, cocId: coc.id },
    [{ field: 'closureLetter', to: `drafted on ${formatLongDate(todayOf(context))}` }],
    'The closure letter was drafted for the Service Liaison Lead to check and send.',
  );
  const saved = await commitOrDetectConflict(context, coc.serviceCode, [
    { kind: 'update', entity: { type: 'coc', value: state }, etag },
    { kind: 'append', entity: { type: 'audit', value: event } },
  ]);
  return saved === 'saved' ? state : null;
}

/** One try: the letter kept with the CoC, a new one drafted and saved, or null when the CoC changed meanwhile. */
async function draftOnce(
  context: AppContext,
  actor: Person,
  serviceCode: string,
  cocId: string,
): Promise<Result<ClosureLetterDrafted | null>> {
  const found = await context.store.records.getCocWithRecommendations(serviceCode, cocId);
  if (!found) return fail('not-found', `There is no cause of concern ${cocId}.`);
  const coc = found.coc.value;
  if (coc.closureLetter) return ok({ coc, letter: coc.closureLetter });
  if (coc.status !== 'closed')
    return fail('invalid-transition', `${coc.id} is still open, so it has no closure letter yet.`);
  const letter = await letterFor(
    context,
    actor,
    coc,
    found.recommendations.map((r) => r.value),
  );
  const decision = { actor, now: nowOf(context), newId: context.newId };
  const saved = await saveLetter(context, decision, coc, found.coc.etag, letter);
  return ok(saved ? { coc: saved, letter } : null);
}

/**
 * Drafts the letter of a closed CoC and saves it on the CoC with an audit event by `actor` (the
 * person whose sign-off closed it). A CoC that already has a letter keeps it.
 */
export async function draftAndSaveClosureLetter(
  context: AppContext,
  actor: Person,
  cocId: string,
): Promise<Result<ClosureLetterDrafted>> {
  const parsed = parseRecordId(cocId);
  if (parsed?.kind !== 'coc') return fail('not-found', `There is no cause of concern ${cocId}.`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const drafted = await draftOnce(context, actor, parsed.serviceCode, parsed.id);
    if (!drafted.ok || drafted.value) return drafted as Result<ClosureLetterDrafted>;
  }
  return fail('conflict', `${cocId} kept changing while the closure letter was being saved.`);
}
