/**
 * The kinds of record a change can be about, each saying where a record of that kind lives, how
 * it is read, who owns it, and how a sentence names it. The change pipeline (change-record.ts)
 * works the same way for all of them.
 */
import { parseRecordId } from '../../domain/ids';
import type {
  AreaForImprovement,
  CauseOfConcern,
  ClosureRequest,
  EngagementRequest,
  Owners,
  MonitoringLevel,
  Recommendation,
  Revisit,
} from '../../domain/records';
import { cocIdOfRevisit } from '../../domain/lifecycle/revisit';
import type { RecordEntity, Store, Versioned } from '../../store';

/** Which kind of record changed, as a sentence names it. */
export type RecordKindName =
  | 'recommendation'
  | 'cause of concern'
  | 'area for improvement'
  | 'closure request'
  | 'request for an update'
  | 'revisit'
  | 'monitoring level';

/** Where a record lives: its partition (service code, or EXT) and its id. */
export interface RecordPlace {
  partition: string;
  id: string;
}

/** Everything the pipeline needs to know about one kind of record. */
export interface RecordKind<R> {
  name: RecordKindName;
  /** Where the record an id names lives; null when the id is not of this kind. */
  locate(id: string): RecordPlace | null;
  read(store: Store, place: RecordPlace): Promise<Versioned<R> | null>;
  /** The owners the policy checks delegations and stand-ins against. */
  ownersOf(record: R): Partial<Owners> | undefined;
  /** The row that stores the record. */
  entityOf(record: R): RecordEntity;
  /** "There is no recommendation BUC-1.9." */
  notFound(id: string): string;
}

/** Recommendations of a CoC, or to an external body (EXT partition). */
export const recommendations: RecordKind<Recommendation> = {
  name: 'recommendation',
  locate(id) {
    const parsed = parseRecordId(id);
    if (parsed?.kind === 'recommendation') return { partition: parsed.serviceCode, id: parsed.id };
    if (parsed?.kind === 'externalRecommendation') return { partition: 'EXT', id: parsed.id };
    return null;
  },
  read: (store, { partition, id }) => store.records.getRecommendation(partition, id),
  ownersOf: () => undefined,
  entityOf: (value) => ({ type: 'recommendation', value }),
  notFound: (id) => `There is no recommendation ${id}.`,
};

/** Causes of concern. */
export const causesOfConcern: RecordKind<CauseOfConcern> = {
  name: 'cause of concern',
  locate(id) {
    const parsed = parseRecordId(id);
    return parsed?.kind === 'coc' ? { partition: parsed.serviceCode, id: parsed.id } : null;
  },
  read: (store, { partition, id }) => store.records.getCoc(partition, id),
  ownersOf: (coc) => coc.owners,
  entityOf: (value) => ({ type: 'coc', value }),
  notFound: (id) => `There is no cause of concern ${id}.`,
};

/** Areas for improvement. */
export const areasForImprovement: RecordKind<AreaForImprovement> = {
  name: 'area for improvement',
  locate(id) {
    const parsed = parseRecordId(id);
    return parsed?.kind === 'afi' ? { partition: parsed.serviceCode, id: parsed.id } : null;
  },
  read: (store, { partition, id }) => store.records.getAfi(partition, id),
  ownersOf: (afi) => ({ sll: afi.sll, cos: afi.cos }),
  entityOf: (value) => ({ type: 'afi', value }),
  notFound: (id) => `There is no area for improvement ${id}.`,
};

/** Closure requests, found by service and request id (`BUC/<id>`). */
export const closureRequests: RecordKind<ClosureRequest> = {
  name: 'closure request',
  locate: placeOfRequest,
  read: (store, { partition, id }) => store.records.getClosureRequest(partition, id),
  ownersOf: () => undefined,
  entityOf: (value) => ({ type: 'closure', value }),
  notFound: () => 'There is no such closure request.',
};

/** Requests for an update, found by service and request id (`BUC/<id>`). */
export const engagementRequests: RecordKind<EngagementRequest> = {
  name: 'request for an update',
  locate: placeOfRequest,
  read: (store, { partition, id }) => store.records.getEngagementRequest(partition, id),
  ownersOf: () => undefined,
  entityOf: (value) => ({ type: 'engagement', value }),
  notFound: () => 'There is no such request for an update.',
};

/** A request's place from `SERVICE/id`; the service code is checked before it reaches a query. */
function placeOfRequest(key: string): RecordPlace | null {
  const match = /^([A-Z]{2,5})\/(.{1,100})$/.exec(key);
  return match?.[1] && match[2] ? { partition: match[1], id: match[2] } : null;
}

/** The key {@link closureRequests} and {@link engagementRequests} locate: `BUC/<request id>`. */
export function requestKey(serviceCode: string, requestId: string): string {
  return `${serviceCode}/${requestId}`;
}

/** Revisits of a CoC (`BUC-1-R1`), kept in the CoC's service partition. */
export const revisits: RecordKind<Revisit> = {
  name: 'revisit',
  locate(id) {
    const cocId = cocIdOfRevisit(id);
    const parsed = cocId === undefined ? null : parseRecordId(cocId);
    return parsed?.kind === 'coc' ? { partition: parsed.serviceCode, id: id.trim().toUpperCase() } : null;
  },
  read: (store, { partition, id }) => store.records.getRevisit(partition, id),
  ownersOf: () => undefined,
  entityOf: (value) => ({ type: 'revisit', value }),
  notFound: (id) => `There is no revisit ${id}.`,
};

/** A service's monitoring level (one row per service; none means routine). */
export const monitoringLevels: RecordKind<MonitoringLevel> = {
  name: 'monitoring level',
  locate: (code) => (/^[A-Z]{2,5}$/.test(code) ? { partition: code, id: code } : null),
  read: (store, { partition }) => store.records.getMonitoringLevel(partition),
  ownersOf: () => undefined,
  entityOf: (value) => ({ type: 'monitoring', value }),
  notFound: (code) => `There is no service with the code “${code}”.`,
};
