/**
 * The public quarterly report (rule book §26): every recommendation of every service with its
 * status, open or closed. Shown on a card to inspectorate staff; downloadable as a CSV file by
 * administrators. The CSV quotes values properly and defuses spreadsheet formulas.
 */
import { formatLongDate, parseLocalDate, toLondonDate } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import { authorize } from '../../domain/policy';
import { currentTargetDate, isAboveRoutine, monitoringLevelInWords } from '../../domain/lifecycle';
import {
  recommendationStatusNames,
  roleNames,
  type LocalDate,
  type Person,
  type Recommendation,
  type Revisit,
} from '../../domain/records';
import { todayOf, type AppContext } from '../shared/app-context';
import { actionPlansOf, type BoardActionPlan } from '../boards/board-summary';

/** One line of the report: a recommendation and whether it is open or closed. */
export interface QuarterlyReportRow {
  serviceCode: string;
  serviceName: string;
  cocId: string;
  cocTitle: string;
  recommendationId: string;
  recommendation: string;
  /** Open or Closed, as published. */
  publicStatus: 'Open' | 'Closed';
  /** The detailed status, for the inspectorate. */
  status: string;
  targetDate?: LocalDate;
  closedOn?: LocalDate;
}

/** Per service: how many recommendations are open and closed. */
export interface QuarterlyServiceTotals {
  serviceCode: string;
  serviceName: string;
  open: number;
  closed: number;
  /** How closely the service is monitored, when above routine (§22-23). */
  monitoring?: string;
}

/** The report as of one day. */
export interface QuarterlyReport {
  /** Stable id of the report's quarter, e.g. `2026-Q4`. */
  id: string;
  /** The quarter in words, e.g. "October to December 2026". */
  quarter: string;
  today: LocalDate;
  rows: QuarterlyReportRow[];
  services: QuarterlyServiceTotals[];
  /** The action plans of the open CoCs, by service code. */
  actionPlans: Record<string, BoardActionPlan[]>;
  /** The approved revisits (§17-21), by service code: proposals waiting or refused are not published. */
  revisits?: Record<string, Revisit[]>;
  /** The CoCs a later inspection found again (§27), by service code, with the latest inspection's date. */
  foundAgain?: Record<string, { cocId: string; inspectionDate: LocalDate }[]>;
  /** Recommendations to external bodies (§31-32), open or closed; kept apart from the services' rows. */
  external?: QuarterlyExternalRow[];
}

/** One recommendation to an external body as the report shows it. */
export interface QuarterlyExternalRow {
  recommendationId: string;
  externalBody: string;
  recommendation: string;
  publicStatus: 'Open' | 'Closed';
  connectedCocId?: string;
  targetDate?: LocalDate;
  closedOn?: LocalDate;
}

/** The report's rows for recommendations to external bodies. Pure. */
function externalRowsOf(recommendations: readonly Recommendation[]): QuarterlyExternalRow[] {
  return recommendations.map((r) => {
    const target = currentTargetDate(r);
    return {
      recommendationId: r.id,
      externalBody: r.externalBody ?? 'an external body',
      recommendation: r.text,
      publicStatus: r.status === 'closed' ? 'Closed' : 'Open',
      ...(r.connectedCocId ? { connectedCocId: r.connectedCocId } : {}),
      ...(target ? { targetDate: target } : {}),
      ...(r.signedOffAt ? { closedOn: toLondonDate(r.signedOffAt) } : {}),
    };
  });
}

const quarterNames = ['January to March', 'April to June', 'July to September', 'October to December'];

/** The calendar quarter a day falls in: its id and its name. Pure. */
export function quarterOf(today: LocalDate): { id: string; name: string } {
  const { year, month } = parseLocalDate(today);
  const index = Math.floor((month - 1) / 3);
  return {
    id: `${String(year)}-Q${String(index + 1)}`,
    name: `${quarterNames[index] ?? ''} ${String(year)}`,
  };
}

function rowOf(
  service: { code: string; name: string },
  coc: { id: string; title: string },
  r: Recommendation,
): QuarterlyReportRow {
  const row: QuarterlyReportRow = {
    serviceCode: service.code,
    serviceName: service.name,
    cocId: coc.id,
    cocTitle: coc.title,
    recommendationId: r.id,
    recommendation: r.text,
    publicStatus: r.status === 'closed' ? 'Closed' : 'Open',
    status: recommendationStatusNames[r.status],
  };
  const target = currentTargetDate(r);
  if (target !== undefined) row.targetDate = target;
  if (r.signedOffAt !== undefined) row.closedOn = toLondonDate(r.signedOffAt);
  return row;
}

/** Builds the report from every service's causes of concern. No authorization. */
export async function buildQuarterlyReport(context: AppContext): Promise<QuarterlyReport> {
  const [services, cocs, levels, external] = await Promise.all([
    context.store.directory.listServices(),
    context.store.records.listCocsWithRecommendations(),
    context.store.records.listMonitoringLevels(),
    context.store.records.listExternalRecommendations(),
  ]);
  const closer = new Map(
    levels
      .filter((l) => isAboveRoutine(l.value))
      .map((l) => [l.value.serviceCode, monitoringLevelInWords(l.value)]),
  );
  const names = new Map(services.map((s) => [s.code, s.name]));
  const rows = cocs
    .flatMap(({ coc, recommendations }) =>
      // A withdrawn recommendation is no longer one the service must act on: not published.
      recommendations
        .filter((r) => r.value.withdrawn === undefined)
        .map((r) =>
          rowOf(
            { code: coc.value.serviceCode, name: names.get(coc.value.serviceCode) ?? coc.value.serviceCode },
            coc.value,
            r.value,
          ),
        ),
    )
    .sort(
      (a, b) =>
        a.serviceName.localeCompare(b.serviceName) ||
        a.recommendationId.localeCompare(b.recommendationId, 'en', { numeric: true }),
    );
  const totals = new Map<string, QuarterlyServiceTotals>();
  for (const row of rows) {
    const entry = totals.get(row.serviceCode) ?? {
      serviceCode: row.serviceCode,
      serviceName: row.serviceName,
      open: 0,
      closed: 0,
      ...(closer.has(row.serviceCode) ? { monitoring: closer.get(row.serviceCode) } : {}),
    };
    if (row.publicStatus === 'Closed') entry.closed += 1;
    else entry.open += 1;
    totals.set(row.serviceCode, entry);
  }
  const today = todayOf(context);
  const quarter = quarterOf(today);
  const actionPlans: Record<string, BoardActionPlan[]> = {};
  const foundAgain: NonNullable<QuarterlyReport['foundAgain']> = {};
  const revisits: NonNullable<QuarterlyReport['revisits']> = {};
  for (const { coc, revisits: ofCoc } of cocs) {
    for (const revisit of ofCoc ?? [])
      if (revisit.value.status === 'approved') (revisits[coc.value.serviceCode] ??= []).push(revisit.value);
    const [plan] = actionPlansOf([coc.value], { extraHolidays: context.extraHolidays });
    if (plan) (actionPlans[coc.value.serviceCode] ??= []).push(plan);
    const found = coc.value.identifiedAgain?.at(-1);
    if (found)
      (foundAgain[coc.value.serviceCode] ??= []).push({
        cocId: coc.value.id,
        inspectionDate: found.inspectionDate,
      });
  }
  return {
    id: quarter.id,
    quarter: quarter.name,
    today,
    rows,
    services: [...totals.values()],
    actionPlans,
    foundAgain,
    revisits,
    external: externalRowsOf(external.map((r) => r.value)),
  };
}

/** `report quarterly` for a person: inspectorate staff and administrators; refused, with the reason, otherwise. */
export async function quarterlyReportFor(
  context: AppContext,
  actor: Person,
): Promise<Result<QuarterlyReport>> {
  const delegations = await context.store.directory.listDelegations(actor.objectId);
  const allowed = authorize(actor, 'viewReport', {}, { delegations, today: todayOf(context) });
  if (allowed.ok) return ok(await buildQuarterlyReport(context));
  const own = actor.serviceCodes[0];
  const instead = own === undefined ? '' : ` You can see your own service’s picture with summary ${own}.`;
  return fail(
    'not-allowed',
    `You can't see the quarterly report: it covers every service, so it is for inspectorate staff and administrators.${instead}`,
  );
}

/** Whether this person may download the report as a CSV file (administrators only). */
export function mayDownloadQuarterlyReport(actor: Person): Result<true> {
  return actor.roles.includes('admin')
    ? ok(true)
    : fail(
        'not-allowed',
        `You can't download the quarterly report as a CSV file: only an ${roleNames.admin} can. You can see the report on the card.`,
      );
}

/**
 * One CSV field: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe; a value with a comma, quote, line break or leading or
 * trailing space is quoted, its quotes doubled. Pure.
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 * @example csvField('Say "hi", then go') // '"Say ""hi"", then go"'
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV header row's titles, in column order. */
export const quarterlyReportColumns = [
  'Service code',
  'Service',
  'Cause of concern',
  'Cause of concern title',
  'Recommendation',
  'Recommendation text',
  'Open or closed',
  'Status',
  'Target date',
  'Closed on',
] as const;

/** The report as CSV text (RFC 4180: CRLF line ends, header row first), with a byte-order mark for Excel. Pure. */
export function quarterlyReportCsv(report: QuarterlyReport): string {
  const lines = [
    quarterlyReportColumns.map(csvField).join(','),
    ...report.rows.map((row) =>
      [
        row.serviceCode,
        row.serviceName,
        row.cocId,
        row.cocTitle,
        row.recommendationId,
        row.recommendation,
        row.publicStatus,
        row.status,
        row.targetDate ? formatLongDate(row.targetDate) : '',
        row.closedOn ? formatLongDate(row.closedOn) : '',
      ]
        .map(csvField)
        .join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
