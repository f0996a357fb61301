/**
 * The one CSV layout that `npm run import` reads and `npm run export` writes: one row per region,
 * service, person, cause of concern, recommendation, area for improvement or progress update, told
 * apart by `kind`.
 * Columns a kind does not use stay empty. Lists (roles, services) are separated by semicolons.
 *
 * Parsing here is per row and pure: a row becomes a typed value or a list of problems, each naming
 * the column, so the import can report "line 7, column roles: ..." and write nothing.
 */
import { z } from 'zod';
import {
  ActionPlanRule,
  AreaForImprovement,
  CauseOfConcern,
  Person,
  Recommendation,
  Region,
  Service,
  AfiId,
  AfiStatus,
  CocId,
  CocStatus,
  EvidenceLink,
  Instant,
  LocalDate,
  ObjectId,
  Pillar,
  ProgressSource,
  QuestionRef,
  Rag,
  RecommendationId,
  RecommendationStatus,
  RegionId,
  Role,
  ServiceCode,
} from '../../domain/records';
import { backupKindOf, backupKinds, recordCell } from './backup-kinds';

/** Every column, in the order the export writes them. */
export const csvColumns = [
  'kind',
  'id',
  'service',
  'name',
  'text',
  'region',
  'tenant_id',
  'email',
  'roles',
  'status',
  'pillar',
  'public_safety_risk',
  'fieldwork_end_date',
  'letter_date',
  'target_date',
  'question_ref',
  'coc',
  'sll',
  'cos',
  'hmi',
  'chief_fire_officer',
  'authority_chair',
  'authority_name',
  'report_published_date',
  'fieldwork_start_date',
  'check_copy_sent_date',
  'website_published_date',
  'action_plan_rule',
  'action_plan_received_date',
  'subject',
  'at',
  'by',
  'rag',
  'evidence_links',
  'source',
  'record',
] as const;
export type CsvColumn = (typeof csvColumns)[number];
export type CsvRow = Partial<Record<CsvColumn, string>>;

/** The kinds with columns of their own; a backup also has the kinds of backup-kinds.ts. */
export const rowKinds = ['region', 'service', 'person', 'coc', 'recommendation', 'afi', 'progress'] as const;
export type RowKind = (typeof rowKinds)[number];

/** Every kind a file may hold. */
const allRowKinds: readonly string[] = [...rowKinds, ...backupKinds.map((k) => k.kind)];

const required = z.string().min(1, 'is required');
const optional = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))
    .pipe(schema.optional());
const list = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(schema));
const yesNo = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(['yes', 'no', 'true', 'false'], { message: 'must be yes or no' }))
  .transform((value) => value === 'yes' || value === 'true');

const RegionRow = z.object({
  kind: z.literal('region'),
  id: RegionId,
  name: required.max(200),
  record: recordCell(Region),
});
const ServiceRow = z.object({
  kind: z.literal('service'),
  record: recordCell(Service),
  id: ServiceCode,
  name: required.max(200),
  region: RegionId,
  /** The names letters go to; a column the file leaves out keeps what is stored. */
  chief_fire_officer: z.string().max(200).optional(),
  authority_chair: z.string().max(200).optional(),
  authority_name: z.string().max(200).optional(),
});
const PersonRow = z.object({
  kind: z.literal('person'),
  record: recordCell(Person),
  id: ObjectId,
  name: required.max(200),
  tenant_id: required,
  email: optional(z.email('must be an email address')),
  roles: list(Role).pipe(z.array(Role).min(1, 'needs at least one role')),
  region: optional(RegionId),
  service: list(ServiceCode),
});
/**
 * A column the file may leave out: absent keeps what is stored (`undefined`), an empty cell clears
 * it (`null`), anything else must fit `schema`.
 */
const keptUnlessGiven = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : value.trim() === '' ? null : value.trim()))
    .pipe(schema.nullish());

/** An action-plan rule as one cell: `workingDaysFromLetter:28`, `daysFromLetter:28`, `daysFromPublication:28`, `fixedDate:2026-12-01`. */
const actionPlanRuleCell = z.string().transform((text, context) => {
  const [kind = '', value = ''] = text.split(':', 2);
  const rule = ActionPlanRule.safeParse(
    kind === 'fixedDate' ? { kind, date: value } : { kind, days: value === '' ? 28 : Number(value) },
  );
  if (rule.success) return rule.data;
  context.addIssue({
    code: 'custom',
    message:
      'must be workingDaysFromLetter:28, daysFromLetter:28, daysFromPublication:28 or fixedDate:YYYY-MM-DD',
  });
  return z.NEVER;
});

/** An action-plan rule written as one cell. */
export function actionPlanRuleText(rule: ActionPlanRule): string {
  return rule.kind === 'fixedDate' ? `fixedDate:${rule.date}` : `${rule.kind}:${String(rule.days)}`;
}

const CocRow = z.object({
  kind: z.literal('coc'),
  record: recordCell(CauseOfConcern),
  id: CocId,
  service: ServiceCode,
  name: required.max(200),
  text: required.max(4000),
  status: CocStatus,
  pillar: Pillar,
  public_safety_risk: yesNo,
  fieldwork_end_date: LocalDate,
  letter_date: optional(LocalDate),
  sll: ObjectId,
  cos: ObjectId,
  hmi: ObjectId,
  report_published_date: keptUnlessGiven(LocalDate),
  fieldwork_start_date: keptUnlessGiven(LocalDate),
  check_copy_sent_date: keptUnlessGiven(LocalDate),
  website_published_date: keptUnlessGiven(LocalDate),
  action_plan_rule: keptUnlessGiven(actionPlanRuleCell),
  action_plan_received_date: keptUnlessGiven(LocalDate),
});
const RecommendationRow = z.object({
  kind: z.literal('recommendation'),
  record: recordCell(Recommendation),
  id: RecommendationId,
  coc: CocId,
  text: required.max(2000),
  status: RecommendationStatus,
  target_date: optional(LocalDate),
});
const AfiRow = z.object({
  kind: z.literal('afi'),
  record: recordCell(AreaForImprovement),
  id: AfiId,
  service: ServiceCode,
  question_ref: QuestionRef,
  text: required.max(2000),
  status: AfiStatus,
  target_date: optional(LocalDate),
  sll: ObjectId,
  cos: ObjectId,
});

/** A progress update: append-only, so an import adds it once and never changes it. */
const ProgressRow = z.object({
  kind: z.literal('progress'),
  id: required.max(200),
  service: ServiceCode,
  subject: required.max(40),
  at: Instant,
  by: ObjectId,
  rag: optional(Rag),
  text: required.max(4000),
  evidence_links: list(EvidenceLink),
  source: ProgressSource,
});

export type RegionRow = z.output<typeof RegionRow>;
export type ServiceRow = z.output<typeof ServiceRow>;
export type PersonRow = z.output<typeof PersonRow>;
export type CocRow = z.output<typeof CocRow>;
export type RecommendationRow = z.output<typeof RecommendationRow>;
export type AfiRow = z.output<typeof AfiRow>;
export type ProgressRow = z.output<typeof ProgressRow>;
/** A row of a backup kind (backup-kinds.ts): its kind, its id cell and the whole record. */
export interface BackupRow {
  kind: 'backup';
  /** The `kind` cell: one of backup-kinds.ts. */
  backupKind: string;
  /** What makes it one record (its kind's key). */
  id: string;
  record: unknown;
}
export type ParsedRow =
  RegionRow | ServiceRow | PersonRow | CocRow | RecommendationRow | AfiRow | ProgressRow | BackupRow;

const schemas = {
  region: RegionRow,
  service: ServiceRow,
  person: PersonRow,
  coc: CocRow,
  recommendation: RecommendationRow,
  afi: AfiRow,
  progress: ProgressRow,
} as const;

/** One thing wrong with one row, said so a person can fix the spreadsheet. */
export interface RowProblem {
  /** Line in the file, counting the header as line 1. */
  line: number;
  column?: string;
  message: string;
}

/** Parses one row, trimming cells; an unknown kind or bad cell becomes problems naming the column. */
export function parseRow(row: CsvRow, line: number): { row: ParsedRow } | { problems: RowProblem[] } {
  const kind = (row.kind ?? '').trim().toLowerCase();
  if (!allRowKinds.includes(kind)) {
    return {
      problems: [
        { line, column: 'kind', message: `must be one of ${allRowKinds.join(', ')} (got "${kind}")` },
      ],
    };
  }
  const trimmed = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value?.trim() ?? '']));
  const backup = backupKindOf(kind);
  const schema = backup
    ? z.object({
        kind: z.string(),
        record: recordCell(backup.schema).pipe(z.unknown().refine((v) => v !== undefined, 'is required')),
      })
    : schemas[kind as RowKind];
  const result = schema.safeParse({ ...trimmed, kind });
  if (result.success) {
    if (!backup) return { row: result.data as ParsedRow };
    const record = (result.data as { record: unknown }).record;
    return { row: { kind: 'backup', backupKind: kind, id: backup.key(record), record } };
  }
  return {
    problems: result.error.issues.map((issue) => ({
      line,
      column: String(issue.path[0] ?? ''),
      message:
        issue.code === 'invalid_type' && trimmed[String(issue.path[0])] === undefined
          ? 'is required'
          : issue.path.length > 1
            ? `${issue.path.slice(1).join('.')} ${issue.message}`
            : issue.message,
    })),
  };
}

/** "line 7, column roles: needs at least one role". */
export function describeProblem(problem: RowProblem): string {
  const where = problem.column
    ? `line ${String(problem.line)}, column ${problem.column}`
    : `line ${String(problem.line)}`;
  return `${where}: ${problem.message}`;
}
