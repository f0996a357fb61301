/**
 * Use case: after an approved revisit the Service Liaison Lead records the day the initial findings
 * were given, a finding per recommendation (each added to the recommendation's progress as a
 * revisit finding, with its RAG) and the next steps. The HM Inspector's letter (§21) is drafted from
 * them in the same transaction; the draft goes to the HM Inspector after the answer.
 */
import { fail, invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import {
  draftRevisitLetter,
  keepRevisitLetter,
  recordRevisitFindings,
  type DecisionContext,
  type FindingInput,
} from '../../domain/lifecycle';
import { Rag, type Person, type Revisit } from '../../domain/records';
import type { RecordChange } from '../../store';
import { todayOf, type AppContext } from '../shared/app-context';
import { changeRecord, checkChange, type Decided } from '../shared/change-record';
import { revisitFindingsJob } from './notify-revisit';
import { loadRevisit, revisitFactsOf, type LoadedRevisit, type RevisitFacts } from './show-revisit';

/** One row of the findings form, in the order the form shows the recommendations. */
export interface FindingEntry {
  recommendationId: string;
  rag: string;
  text: string;
}

/** What the SLL typed on the findings form. */
export interface RecordFindingsInput {
  revisitId: string;
  updatedAt?: string | undefined;
  initialFindingsDate: string;
  entries: readonly FindingEntry[];
  nextSteps: string;
}

/** The id of the n-th finding's inputs on the form (from 1). */
export const findingInputIds = (n: number): { text: string; rag: string } => ({
  text: `finding${String(n)}`,
  rag: `rag${String(n)}`,
});

/** How long the findings may be together: they all go into the revisit letter, which is kept whole. */
export const maxFindingsLength = 12_000;

/** The findings typed: rows with text; a row with text needs a RAG. Blank rows are left out. */
export function findingsOf(entries: readonly FindingEntry[]): Result<FindingInput[]> {
  const issues: FieldIssue[] = [];
  const findings: FindingInput[] = [];
  entries.forEach((entry, index) => {
    const text = entry.text.trim();
    if (text === '') return;
    const rag = Rag.safeParse(entry.rag);
    if (!rag.success) {
      issues.push({ field: findingInputIds(index + 1).rag, message: 'is required with a finding' });
      return;
    }
    if (text.length > 4000)
      issues.push({ field: findingInputIds(index + 1).text, message: 'must be at most 4000 characters' });
    else findings.push({ recommendationId: entry.recommendationId, rag: rag.data, text });
  });
  if (issues.length > 0) return invalid(issues, 'Give a RAG with each finding.');
  const total = findings.reduce((sum, finding) => sum + finding.text.length, 0);
  if (total > maxFindingsLength)
    return invalid(
      [
        {
          field: findingInputIds(1).text,
          message: `and the others must be at most ${maxFindingsLength.toLocaleString('en-GB')} characters together`,
        },
      ],
      `The findings are ${total.toLocaleString('en-GB')} characters together; the letter holds at most ${maxFindingsLength.toLocaleString('en-GB')}. Shorten them.`,
    );
  return ok(findings);
}

/** The letter of the recorded findings, signed by the CoC's HM Inspector. */
async function letterOf(
  context: AppContext,
  loaded: LoadedRevisit,
  revisit: Revisit,
  recommendations: LoadedRevisit['recommendations'][number]['value'][],
): Promise<string> {
  const coc = loaded.coc.value;
  const { directory } = context.store;
  const service = await directory.getService(coc.serviceCode);
  const hmi = await directory.getPerson(coc.owners.hmi);
  return draftRevisitLetter({
    service: service ?? { name: coc.serviceCode },
    coc,
    revisit,
    recommendations,
    signedBy: hmi?.name ?? 'HM Inspector',
    date: todayOf(context),
  });
}

async function decide(
  context: AppContext,
  loaded: LoadedRevisit,
  input: RecordFindingsInput,
  findings: FindingInput[],
  decision: DecisionContext,
): Promise<Result<Decided<Revisit, RevisitFacts>>> {
  const recommendations = loaded.recommendations.map((r) => r.value);
  const recorded = recordRevisitFindings(
    loaded.record.value,
    recommendations,
    { initialFindingsDate: input.initialFindingsDate, findings, nextSteps: input.nextSteps },
    decision,
  );
  if (!recorded.ok) return recorded;
  const after = recommendations.map((r) => recorded.value.recommendations.find((x) => x.id === r.id) ?? r);
  const letter = await letterOf(context, loaded, recorded.value.revisit, after);
  const kept = keepRevisitLetter(recorded.value.revisit, letter, decision);
  const also: RecordChange[] = [
    ...recorded.value.recommendations.map((recommendation): RecordChange => {
      const etag = loaded.recommendations.find((r) => r.value.id === recommendation.id)?.etag ?? '';
      return { kind: 'update', entity: { type: 'recommendation', value: recommendation }, etag };
    }),
    ...recorded.value.progressUpdates.map((value): RecordChange => ({
      kind: 'append',
      entity: { type: 'progress', value },
    })),
  ];
  const facts = revisitFactsOf(loaded, kept.revisit);
  return ok({
    state: kept.revisit,
    events: [...recorded.value.events, ...kept.events],
    also,
    outcome: facts,
    jobs: [revisitFindingsJob(facts.revisit.id)],
  });
}

/** Records a revisit's findings (and drafts its letter) through the change pipeline. */
export async function recordFindings(
  context: AppContext,
  actor: Person,
  input: RecordFindingsInput,
): Promise<Result<RevisitFacts>> {
  const result = await changeRecord(context, actor, {
    action: 'recordRevisitFindings',
    load: () => loadRevisit(context, input.revisitId),
    expectedUpdatedAt: input.updatedAt,
    // One row per recommendation: a form sent with one twice keeps the first.
    fields: findingsOf(
      input.entries.filter(
        (entry, index, all) => all.findIndex((e) => e.recommendationId === entry.recommendationId) === index,
      ),
    ),
    decide: (loaded, findings, decision) => decide(context, loaded, input, findings, decision),
  });
  if (!result.ok) return result;
  return result.value.outcome
    ? ok(result.value.outcome)
    : fail('invalid-transition', 'Nothing was recorded.');
}

/** The revisit the findings form is for, once the caller may record its findings now. */
export async function prepareFindingsForm(
  context: AppContext,
  actor: Person,
  revisitId: string,
): Promise<Result<LoadedRevisit>> {
  const checked = await checkChange(context, actor, 'recordRevisitFindings', () =>
    loadRevisit(context, revisitId),
  );
  if (!checked.ok) return checked;
  const revisit = checked.value.loaded.record.value;
  if (revisit.status !== 'approved')
    return fail(
      'invalid-transition',
      `${revisit.id} is not approved yet: findings are recorded after an approved revisit.`,
    );
  if (revisit.initialFindingsDate !== undefined)
    return fail('invalid-transition', `The findings of ${revisit.id} are already recorded.`);
  return ok(checked.value.loaded);
}
