/**
 * The quarterly report card (`cards/quarterly-report.json`, rule book §26): every recommendation
 * with its status, open or closed, per service; only the totals when the report is long.
 */
import type { QuarterlyReport } from '../../app/reports/quarterly-report';
import { formatLongDate } from '../../domain/clock';
import { revisitInWords } from '../revisits/revisit-cards';
import { actionPlanLine } from '../boards/board-summary-card';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown, shorten } from '../shared/escape-markdown';

/** Above this many recommendations the card lists per-service totals only; the CSV has them all. */
export const maxReportRowsOnCard = 60;

/** The section on recommendations to external bodies (§31-32): each one open or closed. */
function externalSection(report: QuarterlyReport): { externalCounts: string; externalRows: object[] } {
  const rows = report.external ?? [];
  const open = rows.filter((row) => row.publicStatus === 'Open').length;
  return {
    externalCounts: rows.length === 0 ? '' : `${String(open)} open, ${String(rows.length - open)} closed`,
    externalRows: rows.map((row) => ({
      title: row.recommendationId,
      value: `${row.publicStatus}: to ${escapeMarkdown(row.externalBody)}${row.connectedCocId ? ` (connected to ${row.connectedCocId})` : ''}: ${escapeMarkdown(shorten(row.recommendation, 120))}${row.closedOn ? ` Closed on ${formatLongDate(row.closedOn)}.` : ''}`,
    })),
  };
}

/** The quarterly report card; `downloadUrl` empty when there is no link to offer, `note` under it. */
export function renderQuarterlyReportCard(
  report: QuarterlyReport,
  downloadUrl: string,
  note: string,
): AdaptiveCardJson {
  const open = report.rows.filter((r) => r.publicStatus === 'Open').length;
  const listRows = report.rows.length <= maxReportRowsOnCard;
  return renderCard('quarterly-report', {
    heading: `Quarterly report: ${report.quarter}`,
    introduction: `Progress against recommendations, as published each quarter: whether each recommendation is open or closed. As at ${formatLongDate(report.today)}.`,
    totals: [
      { title: 'Recommendations', value: String(report.rows.length) },
      { title: 'Open', value: String(open) },
      { title: 'Closed', value: String(report.rows.length - open) },
      { title: 'Services', value: String(report.services.length) },
    ],
    services: report.services.map((service) => ({
      heading: `${service.serviceName} (${service.serviceCode})`,
      counts: `${String(service.open)} open, ${String(service.closed)} closed${service.monitoring ? ` · closer monitoring: ${service.monitoring}` : ''}`,
      revisits: (report.revisits?.[service.serviceCode] ?? [])
        .map((revisit) => `Revisit ${revisitInWords(revisit)}.`)
        .join(' '),
      foundAgain: (report.foundAgain?.[service.serviceCode] ?? [])
        .map(
          (found) =>
            `${found.cocId} found again at the inspection of ${formatLongDate(found.inspectionDate)}.`,
        )
        .join(' '),
      actionPlans: (report.actionPlans[service.serviceCode] ?? [])
        .map(
          (plan) =>
            `Action plan for ${plan.cocId}: ${actionPlanLine(plan).replace(/^./, (c) => c.toLowerCase())}.`,
        )
        .join(' '),
      rows: listRows
        ? report.rows
            .filter((row) => row.serviceCode === service.serviceCode)
            .map((row) => ({
              title: row.recommendationId,
              value: `${row.publicStatus} (${row.status}): ${escapeMarkdown(shorten(row.recommendation, 120))}`,
            }))
        : [],
    })),
    note: [
      listRows
        ? ''
        : 'The report is long, so this card shows the totals per service; the CSV file lists every recommendation.',
      note,
    ]
      .filter((text) => text !== '')
      .join(' '),
    downloadUrl,
    ...externalSection(report),
  });
}
