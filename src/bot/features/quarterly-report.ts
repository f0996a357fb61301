/**
 * `report quarterly`: the public quarterly report (rule book §26), every recommendation with its
 * status, open or closed, per service, on a card. An administrator asking in their personal chat
 * also gets a 15-minute signed link to download it as a CSV file; `report quarterly csv` asks for
 * the file only, and is refused, with the reason, for anyone else.
 */
import type { TurnContext } from 'botbuilder';
import { nowOf } from '../../app/shared/app-context';
import {
  mayDownloadQuarterlyReport,
  quarterlyReportFor,
  type QuarterlyReport,
} from '../../app/reports/quarterly-report';
import { signedReportPath } from '../../app/reports/report-link';
import { formatLongDate } from '../../domain/clock';
import { renderCard, type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { escapeMarkdown, shorten } from '../../views/shared/escape-markdown';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';

const reportCommand = /^report\s+quarterly(\s+csv)?$/i;

/** Above this many recommendations the card lists per-service totals only; the CSV has them all. */
export const maxReportRowsOnCard = 60;

function renderReportCard(report: QuarterlyReport, downloadUrl: string, note: string): AdaptiveCardJson {
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
      counts: `${String(service.open)} open, ${String(service.closed)} closed`,
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
  });
}

async function report(
  context: TurnContext,
  features: FeatureContext,
  csvOnly: boolean,
): Promise<AdaptiveCardJson> {
  const heading = 'Quarterly report';
  const person = await personOf(context, features);
  if (!person.ok) return renderNoticeCard(heading, person.error.reason);
  const result = await quarterlyReportFor(features.app, person.value);
  if (!result.ok) return renderNoticeCard(heading, result.error.reason);
  const download = mayDownloadQuarterlyReport(person.value);
  if (csvOnly && !download.ok) return renderNoticeCard(heading, download.error.reason);
  if (!download.ok) return renderReportCard(result.value, '', '');
  const personal = context.activity.conversation.conversationType === 'personal';
  const links = features.reportLinks;
  if (!personal)
    return renderReportCard(
      result.value,
      '',
      'Administrators: ask me for report quarterly in our personal chat for a CSV download link.',
    );
  if (!links)
    return renderReportCard(
      result.value,
      '',
      'CSV downloads are not set up: REPORT_LINK_SECRET is not configured.',
    );
  const url = `${links.baseUrl()}${signedReportPath(links.secret, result.value.id, new Date(nowOf(features.app)))}`;
  return renderReportCard(
    result.value,
    url,
    'The download link works for 15 minutes and only for this report; do not share it.',
  );
}

/** Registers `report quarterly` (and `report quarterly csv`). */
export function registerQuarterlyReport(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && reportCommand.test(commandText(context))),
    async (context) => {
      const csvOnly = reportCommand.exec(commandText(context))?.[1] !== undefined;
      await context.sendActivity({ attachments: [cardAttachment(await report(context, features, csvOnly))] });
    },
  );
}
