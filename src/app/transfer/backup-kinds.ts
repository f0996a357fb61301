/**
 * The kinds of record a whole backup carries besides the spreadsheet-friendly ones (regions,
 * services, people, causes of concern, recommendations, areas for improvement): recommendations to
 * external bodies, action plans, closure requests, requests for an update, revisits and monitoring
 * levels (progress updates have columns of their own).
 *
 * Each row of these kinds holds the whole record, as JSON, in its `record` cell (lists inside a
 * record, such as an action plan's actions or a closure request's steps, stay inside it); its other
 * cells are a readable copy. A kind is one entry of {@link backupKinds}: the domain schema the JSON
 * must meet, how the record is written (`build`), and how every stored one is read for export
 * (`exportAll`). docs/import-export.md says how to add one.
 */
import { z } from 'zod';
import { parseRecordId } from '../../domain/ids';
import {
  ActionPlan,
  ClosureRequest,
  EngagementRequest,
  MonitoringLevel,
  Recommendation,
  Revisit,
} from '../../domain/records';
import { externalPartition, type RecordEntity, type Store } from '../../store';

/** Readable cells of a row by column name (csv-format.ts's columns; kept apart to avoid an import cycle). */
export type BackupCells = Partial<
  Record<'id' | 'service' | 'name' | 'text' | 'status' | 'target_date' | 'coc', string>
>;

/** What an import knows exists, in the file or stored, for checking references. */
export interface KnownRecords {
  /** Ids of causes of concern, recommendations, areas for improvement and external recommendations. */
  ids: ReadonlySet<string>;
}

/** One kind of backup row. */
export interface BackupKind<T> {
  /** The `kind` cell. */
  kind: string;
  /** What a sentence calls it: "action plan". */
  name: string;
  /** The record's domain schema: the `record` cell must meet it. */
  schema: z.ZodType<T>;
  /** What makes two rows the same record (a second one is a problem). */
  key: (value: T) => string;
  /** The partition it is written to. */
  partitionOf: (value: T) => string;
  /** The row written for it. */
  build: (value: T) => RecordEntity;
  /** Every stored one, in a stable order (the export's). */
  exportAll: (store: Store) => Promise<T[]>;
  /** The readable cells of its row (besides `kind` and `record`). */
  cells: (value: T) => BackupCells;
  /** What is wrong with its references (a missing subject), as `column: message`. */
  check: (value: T, known: KnownRecords) => { column: string; message: string }[];
  /** Whether an import writes a `record.imported` audit event for it. */
  audited: boolean;
  /** The id its audit event is about, and the CoC it is filed under. */
  auditSubject?: (value: T) => { kind: string; id: string; cocId?: string };
}

const byText = (a: string, b: string): number => a.localeCompare(b, 'en-GB', { numeric: true });
/** Requests (closure, engagement) by service, then oldest first. */
const byServiceThenRequested = (
  a: { serviceCode: string; requestedAt: string; id: string },
  b: { serviceCode: string; requestedAt: string; id: string },
): number =>
  byText(a.serviceCode, b.serviceCode) ||
  a.requestedAt.localeCompare(b.requestedAt) ||
  a.id.localeCompare(b.id);
const needs = (known: KnownRecords, id: string | undefined, column: string, what: string) =>
  id === undefined || known.ids.has(id)
    ? []
    : [{ column, message: `${what} ${id} is neither in the file nor stored` }];

const external: BackupKind<Recommendation> = {
  kind: 'external',
  name: 'recommendation to an external body',
  schema: Recommendation.refine((r) => /^EXT-\d+$/.test(r.id) && r.cocId === undefined, {
    message: 'must be a recommendation to an external body (id EXT-n, no cause of concern)',
  }),
  key: (r) => r.id,
  partitionOf: () => externalPartition,
  build: (value) => ({ type: 'recommendation', value }),
  exportAll: async (store) => (await store.records.listExternalRecommendations()).map((r) => r.value),
  cells: (r) => ({
    id: r.id,
    service: externalPartition,
    name: r.externalBody ?? '',
    text: r.text,
    status: r.status,
    target_date: r.originalTargetDate ?? '',
    coc: r.connectedCocId ?? '',
  }),
  check: (r, known) => needs(known, r.connectedCocId, 'record', 'the connected cause of concern'),
  audited: true,
  auditSubject: (r) => ({ kind: 'recommendation', id: r.id }),
};

const actionPlan: BackupKind<ActionPlan> = {
  kind: 'action-plan',
  name: 'action plan',
  schema: ActionPlan,
  key: (p) => `${p.serviceCode}|${p.subjectId}`,
  partitionOf: (p) => p.serviceCode,
  build: (value) => ({ type: 'actionPlan', value }),
  exportAll: async (store) =>
    (await store.records.listActionPlans())
      .map((p) => p.value)
      .sort((a, b) => byText(a.subjectId, b.subjectId)),
  cells: (p) => ({ id: p.subjectId, service: p.serviceCode, coc: p.subjectId }),
  check: (p, known) => needs(known, p.subjectId, 'record', 'the record it is for,'),
  audited: true,
  auditSubject: (p) => ({
    kind: parseRecordId(p.subjectId)?.kind === 'afi' ? 'afi' : 'coc',
    id: p.subjectId,
    ...(parseRecordId(p.subjectId)?.kind === 'coc' ? { cocId: p.subjectId } : {}),
  }),
};

const closure: BackupKind<ClosureRequest> = {
  kind: 'closure',
  name: 'closure request',
  schema: ClosureRequest,
  key: (r) => `${r.serviceCode}|${r.id}`,
  partitionOf: (r) => r.serviceCode,
  build: (value) => ({ type: 'closure', value }),
  exportAll: async (store) =>
    (await store.records.listClosureRequests()).map((r) => r.value).sort(byServiceThenRequested),
  cells: (r) => ({
    id: r.id,
    service: r.serviceCode,
    coc: r.subject.id,
    status: r.status,
    text: r.validationNote,
  }),
  check: (r, known) => needs(known, r.subject.id, 'record', 'the record it asks to close,'),
  audited: true,
  auditSubject: (r) => ({ kind: 'closureRequest', id: r.id, ...(r.cocId ? { cocId: r.cocId } : {}) }),
};

const engagement: BackupKind<EngagementRequest> = {
  kind: 'engagement',
  name: 'request for an update',
  schema: EngagementRequest,
  key: (r) => `${r.serviceCode}|${r.id}`,
  partitionOf: (r) => r.serviceCode,
  build: (value) => ({ type: 'engagement', value }),
  exportAll: async (store) =>
    (await store.records.listEngagementRequests()).map((r) => r.value).sort(byServiceThenRequested),
  cells: (r) => ({
    id: r.id,
    service: r.serviceCode,
    coc: r.cocId,
    status: r.status,
    target_date: r.dueDate,
  }),
  check: (r, known) => needs(known, r.cocId, 'record', 'the cause of concern'),
  audited: true,
  auditSubject: (r) => ({ kind: 'engagementRequest', id: r.id, cocId: r.cocId }),
};

const revisit: BackupKind<Revisit> = {
  kind: 'revisit',
  name: 'revisit',
  schema: Revisit,
  key: (r) => `${r.serviceCode}|${r.id}`,
  partitionOf: (r) => r.serviceCode,
  build: (value) => ({ type: 'revisit', value }),
  exportAll: async (store) =>
    (await store.records.listRevisits()).map((r) => r.value).sort((a, b) => byText(a.id, b.id)),
  cells: (r) => ({ id: r.id, service: r.serviceCode, coc: r.cocId, status: r.status, text: r.purpose }),
  check: (r, known) => [
    ...needs(known, r.cocId, 'record', 'the cause of concern'),
    ...(r.cocId.startsWith(`${r.serviceCode}-`) && r.id.startsWith(`${r.cocId}-R`)
      ? []
      : [{ column: 'record', message: `${r.id} is not a revisit of ${r.cocId} of ${r.serviceCode}` }]),
  ],
  audited: true,
  auditSubject: (r) => ({ kind: 'revisit', id: r.id, cocId: r.cocId }),
};

const monitoring: BackupKind<MonitoringLevel> = {
  kind: 'monitoring',
  name: 'monitoring level',
  schema: MonitoringLevel,
  key: (m) => m.serviceCode,
  partitionOf: (m) => m.serviceCode,
  build: (value) => ({ type: 'monitoring', value }),
  exportAll: async (store) =>
    (await store.records.listMonitoringLevels())
      .map((m) => m.value)
      .sort((a, b) => byText(a.serviceCode, b.serviceCode)),
  cells: (m) => ({ id: m.serviceCode, service: m.serviceCode, status: m.level, text: m.note ?? '' }),
  check: () => [],
  audited: true,
  auditSubject: (m) => ({ kind: 'monitoring', id: m.serviceCode }),
};

/**
 * Every backup kind, in the order the export writes them (each after what it refers to). Their
 * values are only ever the ones their own schema parsed, hence `unknown` here.
 */
export const backupKinds = [
  external,
  actionPlan,
  closure,
  engagement,
  revisit,
  monitoring,
] as unknown as readonly BackupKind<unknown>[];

/** The backup kind a `kind` cell names, if any. */
export function backupKindOf(kind: string): BackupKind<unknown> | undefined {
  return backupKinds.find((k) => k.kind === kind);
}

/**
 * A `record` cell read as JSON and checked against `schema`; empty is undefined.
 * @example recordCell(ProgressUpdate).parse('') // undefined
 */
export function recordCell<T>(schema: z.ZodType<T>) {
  return z
    .string()
    .optional()
    .transform((text, context): unknown => {
      if (text === undefined || text.trim() === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not readable JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema.optional());
}
