/**
 * The record a closure request is about (a recommendation of a CoC, or an area for improvement),
 * read with its owners, its CoC and the CoC's other recommendations; and the request still waiting
 * on it, if any.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { isPending, type ClosureTarget } from '../../domain/lifecycle';
import type {
  AreaForImprovement,
  CauseOfConcern,
  ClosureRequest,
  Recommendation,
} from '../../domain/records';
import type { Versioned } from '../../store';
import type { AppContext } from '../shared/app-context';
import type { Loaded } from '../shared/change-record';
import { areasForImprovement, recommendations, type RecordKind } from '../shared/record-kinds';
import { externalOwners, type ClosureOwners } from './closure-approvers';

/** A recommendation or an AFI: what a closure request can close. */
export type ClosureSubject = Recommendation | AreaForImprovement;

/** Either kind of closure subject, told apart by the id. */
export const closureSubjects: RecordKind<ClosureSubject> = {
  name: 'recommendation',
  locate: (id) => recommendations.locate(id) ?? areasForImprovement.locate(id),
  read: (store, place) =>
    recommendations.locate(place.id)
      ? recommendations.read(store, place)
      : areasForImprovement.read(store, place),
  ownersOf: () => undefined,
  entityOf: (value) => ('questionRef' in value ? { type: 'afi', value } : { type: 'recommendation', value }),
  notFound: (id) => `There is no record ${id}.`,
};

/** The subject as read (with its ETag), its owners, and for a recommendation its CoC and siblings. */
export interface LoadedClosureSubject extends Loaded<ClosureSubject> {
  serviceCode: string;
  target: ClosureTarget;
  owners: ClosureOwners;
  coc?: Versioned<CauseOfConcern>;
  siblings?: Recommendation[];
}

/**
 * Loads a recommendation of a CoC, an AFI or a recommendation to an external body by id, with its
 * owners (for an external one: the HM Inspector asked to agree and the Senior Responsible Officer).
 */
export async function loadClosureSubject(
  context: AppContext,
  subjectId: string,
): Promise<Result<LoadedClosureSubject>> {
  const parsed = parseRecordId(subjectId);
  if (parsed?.kind === 'recommendation') {
    const found = await context.store.records.getCocWithRecommendations(parsed.serviceCode, parsed.cocId);
    const record = found?.recommendations.find((r) => r.value.id === parsed.id);
    if (!found || !record) return fail('not-found', `There is no recommendation ${parsed.id}.`);
    const { owners } = found.coc.value;
    return ok({
      kind: closureSubjects,
      partition: parsed.serviceCode,
      serviceCode: parsed.serviceCode,
      record,
      target: { kind: 'recommendation', record: record.value },
      owners,
      coc: found.coc,
      siblings: found.recommendations.map((r) => r.value),
    });
  }
  if (parsed?.kind === 'afi') {
    const record = await context.store.records.getAfi(parsed.serviceCode, parsed.id);
    if (!record) return fail('not-found', `There is no area for improvement ${parsed.id}.`);
    const owners = { sll: record.value.sll, cos: record.value.cos };
    const target: ClosureTarget = { kind: 'afi', record: record.value };
    return ok({
      kind: closureSubjects,
      partition: parsed.serviceCode,
      serviceCode: parsed.serviceCode,
      record,
      target,
      owners,
    });
  }
  if (parsed?.kind === 'externalRecommendation') {
    const record = await context.store.records.getRecommendation('EXT', parsed.id);
    if (!record) return fail('not-found', `There is no recommendation ${parsed.id}.`);
    return ok({
      kind: closureSubjects,
      partition: 'EXT',
      serviceCode: 'EXT',
      record,
      target: { kind: 'recommendation', record: record.value },
      owners: await externalOwners(context, record.value),
    });
  }
  return fail(
    'not-found',
    `“${subjectId}” is not the id of a recommendation or area for improvement, e.g. BUC-1.2 or HWF-AFI-2.`,
  );
}

/** The request still waiting for a decision on this record, if any. */
export async function pendingRequestFor(
  context: AppContext,
  serviceCode: string,
  subjectId: string,
): Promise<ClosureRequest | undefined> {
  const requests = await context.store.records.listClosureRequests(serviceCode);
  return requests.find((r) => r.value.subject.id === subjectId && isPending(r.value))?.value;
}
