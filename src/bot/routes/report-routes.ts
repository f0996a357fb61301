/**
 * `report quarterly`: the public quarterly report (rule book §26) on a card. An administrator asking
 * in their personal chat also gets a 15-minute signed link to download it as a CSV file;
 * `report quarterly csv` asks for the file only, and is refused, with the reason, for anyone else.
 */
import { mayDownloadQuarterlyReport, quarterlyReportFor } from '../../app/reports/quarterly-report';
import { signedReportPath } from '../../app/reports/report-link';
import { renderNoticeCard } from '../../views/records/record-cards';
import { renderQuarterlyReportCard } from '../../views/reports/quarterly-report-card';
import type { BotApplication } from '../create-bot';
import { onCommand, type RouteTools, withArgs } from '../gate';

const heading = 'Quarterly report';

/** Registers `report quarterly` (and `report quarterly csv`). */
export function registerReportRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^report\s+quarterly(\s+csv)?$/i,
    read: ([, csv], context) =>
      withArgs({
        csvOnly: csv !== undefined,
        personal: context.activity.conversation.conversationType === 'personal',
      }),
    refused: { heading },
    handle: async ({ person }, { csvOnly, personal }) => {
      const result = await quarterlyReportFor(tools.app, person);
      if (!result.ok) return renderNoticeCard(heading, result.error.reason);
      const report = result.value;
      const download = mayDownloadQuarterlyReport(person);
      if (csvOnly && !download.ok) return renderNoticeCard(heading, download.error.reason);
      if (!download.ok) return renderQuarterlyReportCard(report, '', '');
      if (!personal) {
        return renderQuarterlyReportCard(
          report,
          '',
          'Administrators: ask me for report quarterly in our personal chat for a CSV download link.',
        );
      }
      const links = tools.reportLinks;
      if (!links)
        return renderQuarterlyReportCard(
          report,
          '',
          'CSV downloads are not set up: REPORT_LINK_SECRET is not configured.',
        );
      const url = `${links.baseUrl()}${signedReportPath(links.secret, report.id, tools.app.now())}`;
      return renderQuarterlyReportCard(
        report,
        url,
        'The download link works for 15 minutes and only for this report; do not share it.',
      );
    },
  });
}
