/**
 * The kinds of row in the `records` table, their schemas and where each one is keyed.
 *
 * One partition per service holds everything one change can touch, so a change commits in one
 * entity-group transaction. The RowKey layout (docs/table-design.md explains why):
 *
 * | row                    | RowKey                                          |
 * |------------------------|-------------------------------------------------|
 * | cause of concern       | `coc|BUC-1|coc`                                 |
 * | its recommendation     | `coc|BUC-1|rec|BUC-1.2`                         |
 * | external recommendation| `rec|EXT-3` (partition `EXT`)                   |
 * | area for improvement   | `afi|BUC-AFI-3`                                 |
 * | progress update        | `progress|BUC-1.2|<time, oldest first>|<id>`     |
 * | audit event            | `audit|BUC-1|<time, newest first>|<id>`         |
 * | closure request        | `closure|<id>`                                  |
 * | engagement request     | `engagement|<id>`                               |
 * | action plan            | `plan|BUC-1`                                    |
 * | id counter             | `counter|coc`, `counter|afi`, `counter|ext`     |
 * | form submission        | `submission|<form id>`                          |
 * | outbox entry           | `outbox|<time, oldest first>|<id>`              |
 * | revisit of a CoC       | `coc|BUC-1|revisit|BUC-1-R1`                    |
 * | monitoring level       | `monitoring|level`                              |
 */
import { cocIdOfRecommendation } from '../domain/ids';
import { z } from 'zod';
import {
  ActionPlan,
  AreaForImprovement,
  AuditEvent,
  CauseOfConcern,
  ClosureRequest,
  EngagementRequest,
  Instant,
  MonitoringLevel,
  ObjectId,
  ProgressUpdate,
  Recommendation,
  Revisit,
  ServiceCode,
} from '../domain/records';
import { InvalidStoreInputError } from './errors';
import { parseInput } from './parse-input';
import { keyOf, reverseSortableTime, sortableTime } from './keys';

/** Partition of recommendations made to external bodies (§31), whose ids look like `EXT-3`. */
export const externalPartition = 'EXT';

/** Which id sequence a counter row hands out. */
export const CounterName = z.enum(['coc', 'afi', 'ext']);
export type CounterName = z.infer<typeof CounterName>;

/** The last number handed out in one service's id sequence. */
export const Counter = z.object({ name: CounterName, last: z.number().int().nonnegative() });
export type Counter = z.infer<typeof Counter>;

/**
 * A card form that has been submitted, created in the same transaction as the record it made: a
 * second submission of the same form fails on this row (already exists), so a double click never
 * issues two records, and the second click can be answered with the first one's result.
 */
export const FormSubmission = z.object({
  formId: z.string().min(1).max(100),
  /** The record the form created, e.g. `BUC-4` or `BUC-AFI-2`. */
  subjectId: z.string().min(1),
  serviceCode: ServiceCode,
  by: ObjectId,
  at: Instant,
});
export type FormSubmission = z.infer<typeof FormSubmission>;

/**
 * Work that follows a change and must not be lost (the due index, notifications): written in the
 * change's own transaction, done after the answer, then deleted. `jobs` are the application's, kept
 * here as JSON; a claim marks an entry a process is working on, so two never do it at once.
 */
export const OutboxEntry = z.object({
  id: z.string().min(1).max(100),
  serviceCode: ServiceCode,
  createdAt: Instant,
  jobs: z.array(z.record(z.string(), z.unknown())).min(1).max(100),
  attempts: z.number().int().nonnegative().default(0),
  claimedBy: z.string().max(200).optional(),
  claimedAt: Instant.optional(),
  lastError: z.string().max(2000).optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The schema of each kind of row in the records table. */
export const recordSchemas = {
  coc: CauseOfConcern,
  recommendation: Recommendation,
  afi: AreaForImprovement,
  progress: ProgressUpdate,
  audit: AuditEvent,
  closure: ClosureRequest,
  engagement: EngagementRequest,
  actionPlan: ActionPlan,
  counter: Counter,
  submission: FormSubmission,
  outbox: OutboxEntry,
  revisit: Revisit,
  monitoring: MonitoringLevel,
} as const;

export type RecordType = keyof typeof recordSchemas;
export type RecordValue<K extends RecordType> = z.infer<(typeof recordSchemas)[K]>;

/** A row of the records table: its kind and its value. */
export type RecordEntity = { [K in RecordType]: { type: K; value: RecordValue<K> } }[RecordType];

/** Kinds that are only ever added, never changed. */
export type AppendOnlyEntity = Extract<RecordEntity, { type: 'progress' | 'audit' }>;

export const cocRowKey = (cocId: string): string => keyOf('coc', cocId, 'coc');

/** A CoC's recommendations sit right after it, so one range query reads the CoC and all of them. */
export function recommendationRowKey(recommendationId: string): string {
  const cocId = cocIdOfRecommendation(recommendationId);
  return cocId ? keyOf('coc', cocId, 'rec', recommendationId) : keyOf('rec', recommendationId);
}

export const afiRowKey = (afiId: string): string => keyOf('afi', afiId);
export const closureRowKey = (id: string): string => keyOf('closure', id);
export const engagementRowKey = (id: string): string => keyOf('engagement', id);
export const actionPlanRowKey = (subjectId: string): string => keyOf('plan', subjectId);
export const counterRowKey = (name: CounterName): string => keyOf('counter', name);
export const submissionRowKey = (formId: string): string => keyOf('submission', formId);
export const outboxRowKey = (entry: Pick<OutboxEntry, 'createdAt' | 'id'>): string =>
  keyOf('outbox', sortableTime(entry.createdAt), entry.id);

/** A CoC's revisits sit after its recommendations, so the CoC's one range query reads them too. */
export const revisitRowKey = (revisit: Pick<Revisit, 'cocId' | 'id'>): string =>
  keyOf('coc', revisit.cocId, 'revisit', revisit.id);
export const monitoringRowKey = keyOf('monitoring', 'level');

/**
 * Audit events are filed under their CoC (recommendation events too) or, without one, their
 * subject; a closure request of a recommendation to an external body under that recommendation,
 * so its history tells the whole story.
 */
export function auditGroupOf(event: AuditEvent): string {
  const { kind, about } = event.subject;
  if (event.cocId === undefined && kind === 'closureRequest' && about?.startsWith('EXT-')) return about;
  return event.cocId ?? event.subject.id;
}

/** Where a row goes: its RowKey, and the partition its own fields name (undefined if they name none). */
export function placeOf(entity: RecordEntity): { rowKey: string; partitionKey: string | undefined } {
  switch (entity.type) {
    case 'coc':
      return { rowKey: cocRowKey(entity.value.id), partitionKey: entity.value.serviceCode };
    case 'recommendation': {
      const { id, cocId, serviceCode } = entity.value;
      const impliedCoc = cocIdOfRecommendation(id);
      if (impliedCoc !== cocId) {
        throw new InvalidStoreInputError(
          `Recommendation ${id} must belong to CoC ${impliedCoc ?? '(none)'}, not ${cocId ?? '(none)'}.`,
        );
      }
      const partitionKey = serviceCode ?? (cocId ? cocId.split('-')[0] : externalPartition);
      return { rowKey: recommendationRowKey(id), partitionKey };
    }
    case 'afi':
      return { rowKey: afiRowKey(entity.value.id), partitionKey: entity.value.serviceCode };
    case 'progress':
      return {
        rowKey: keyOf('progress', entity.value.subjectId, sortableTime(entity.value.at), entity.value.id),
        partitionKey: entity.value.serviceCode,
      };
    case 'audit':
      return {
        rowKey: keyOf(
          'audit',
          auditGroupOf(entity.value),
          reverseSortableTime(entity.value.at),
          entity.value.id,
        ),
        partitionKey: entity.value.serviceCode,
      };
    case 'closure':
      return { rowKey: closureRowKey(entity.value.id), partitionKey: entity.value.serviceCode };
    case 'engagement':
      return { rowKey: engagementRowKey(entity.value.id), partitionKey: entity.value.serviceCode };
    case 'actionPlan':
      return { rowKey: actionPlanRowKey(entity.value.subjectId), partitionKey: entity.value.serviceCode };
    case 'counter':
      return { rowKey: counterRowKey(entity.value.name), partitionKey: undefined };
    case 'submission':
      return { rowKey: submissionRowKey(entity.value.formId), partitionKey: entity.value.serviceCode };
    case 'outbox':
      return { rowKey: outboxRowKey(entity.value), partitionKey: entity.value.serviceCode };
    case 'revisit':
      return { rowKey: revisitRowKey(entity.value), partitionKey: entity.value.serviceCode };
    case 'monitoring':
      return { rowKey: monitoringRowKey, partitionKey: entity.value.serviceCode };
  }
}

/** Parses a row's value with its kind's schema before it is written (defaults filled in). */
export function parseRecordEntity(entity: RecordEntity): RecordEntity {
  const schema: z.ZodType = recordSchemas[entity.type];
  return {
    type: entity.type,
    value: parseInput(schema, entity.value, `${entity.type} to save`),
  } as RecordEntity;
}
