/**
 * The audit trail of a record, newest first: who did what, when, and which values changed.
 *
 * A cause of concern's history includes its recommendations' events (they are filed under the
 * CoC); asking for a recommendation gives its CoC's history. An area for improvement and a
 * recommendation to an external body have their own. The caller must be allowed to see the record.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { cocIdOfRevisit } from '../../domain/lifecycle';
import { authorize } from '../../domain/policy';
import { ServiceCode, type AuditEvent, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { pageOf } from '../shared/paging';
import { loadVisibility } from '../shared/visibility';

/** Events on one page of a history. */
export const historyPageSize = 20;

/** The record whose history is shown. */
export interface HistorySubject {
  kind: 'coc' | 'afi' | 'recommendation' | 'service';
  id: string;
  /** The CoC's title, the AFI's or external recommendation's text. */
  title: string;
}

/** One page of a record's history. */
export interface HistoryPage {
  subject: HistorySubject;
  /** The id the person asked for, when it was a recommendation shown through its CoC. */
  askedFor?: string;
  events: AuditEvent[];
  /** Names of the people the events mention (actors, delegators, people in changed values), by object id. */
  names: Record<string, string>;
  /** 1-based; clamped to the pages there are. */
  page: number;
  pageCount: number;
  totalEvents: number;
}

const idHint = 'Record ids look like BUC-1 (a cause of concern), BUC-1.2 (a recommendation) or BUC-AFI-3.';

/** Loads the subject, checks the caller may see it, and reads its audit events. */
async function loadHistory(
  context: AppContext,
  actor: Person,
  idText: string,
): Promise<Result<{ subject: HistorySubject; events: AuditEvent[] }>> {
  const revisitCoc = cocIdOfRevisit(idText);
  const parsed = parseRecordId(revisitCoc ?? idText);
  const { records } = context.store;
  const visibility = await loadVisibility(context, actor);
  if (parsed === null) {
    // A service's own history: its channels and the names its letters go to.
    const code = ServiceCode.safeParse(idText.trim().toUpperCase());
    const service = code.success ? await context.store.directory.getService(code.data) : null;
    if (!service) return fail('not-found', `“${idText}” is not a record id. ${idHint}`);
    const allowed = visibility.check(service.code);
    if (!allowed.ok) return allowed;
    // Its monitoring level's events and its letter names' events are filed under its code.
    const events = (await records.listAudit(service.code, service.code)).filter(
      (e) => e.subject.kind === 'service' || e.subject.kind === 'monitoring',
    );
    return ok({ subject: { kind: 'service', id: service.code, title: service.name }, events });
  }

  if (parsed.kind === 'externalRecommendation') {
    const found = await records.getRecommendation('EXT', parsed.id);
    if (!found) return fail('not-found', `I can't find ${parsed.id}.`);
    const allowed = authorize(actor, 'view', { external: true }, visibility.policy);
    if (!allowed.ok) return allowed;
    const events = await records.listAudit('EXT', parsed.id);
    return ok({ subject: { kind: 'recommendation', id: parsed.id, title: found.value.text }, events });
  }
  if (parsed.kind === 'afi') {
    const found = await records.getAfi(parsed.serviceCode, parsed.id);
    if (!found) return fail('not-found', `I can't find ${parsed.id}.`);
    const allowed = visibility.check(parsed.serviceCode, { sll: found.value.sll, cos: found.value.cos });
    if (!allowed.ok) return allowed;
    const events = await records.listAudit(parsed.serviceCode, parsed.id);
    return ok({ subject: { kind: 'afi', id: parsed.id, title: found.value.text }, events });
  }
  const cocId = parsed.kind === 'coc' ? parsed.id : parsed.cocId;
  const found = await records.getCoc(parsed.serviceCode, cocId);
  if (!found) return fail('not-found', `I can't find ${parsed.id}.`);
  if (parsed.kind === 'recommendation' && !(await records.getRecommendation(parsed.serviceCode, parsed.id))) {
    return fail('not-found', `I can't find ${parsed.id}.`);
  }
  const allowed = visibility.check(parsed.serviceCode, found.value.owners);
  if (!allowed.ok) return allowed;
  const events = await records.listAudit(parsed.serviceCode, cocId);
  return ok({ subject: { kind: 'coc', id: cocId, title: found.value.title }, events });
}

/** Every string in the events that names a person of the directory. */
async function namesIn(context: AppContext, events: readonly AuditEvent[]): Promise<Record<string, string>> {
  const people = await context.store.directory.listPeople();
  const byId = new Map(people.map((p) => [p.objectId, p.name]));
  const names: Record<string, string> = {};
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const name = byId.get(value);
      if (name !== undefined) names[value] = name;
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(visit);
    }
  };
  for (const event of events) {
    visit(event.actor);
    visit(event.onBehalfOf);
    event.changes.forEach((change) => {
      visit(change.from);
      visit(change.to);
    });
  }
  return names;
}

/**
 * The history of the record `idText` names (a CoC, recommendation, AFI or external recommendation),
 * newest first, page `page` of {@link historyPageSize} events.
 */
export async function recordHistory(
  context: AppContext,
  actor: Person,
  idText: string,
  page = 1,
): Promise<Result<HistoryPage>> {
  const loaded = await loadHistory(context, actor, idText);
  if (!loaded.ok) return loaded;
  const { subject, events } = loaded.value;
  const { items, page: current, pageCount, total } = pageOf(events, page, historyPageSize);
  const askedFor =
    parseRecordId(idText)?.id ?? (cocIdOfRevisit(idText) ? idText.trim().toUpperCase() : undefined);
  const asked = askedFor !== undefined && askedFor !== subject.id ? { askedFor } : {};
  const names = await namesIn(context, items);
  return ok({ subject, ...asked, events: items, names, page: current, pageCount, totalEvents: total });
}
