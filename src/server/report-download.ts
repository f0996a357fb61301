/**
 * `GET /reports/quarterly/<report id>?expires=…&signature=…`: the quarterly report as a CSV file,
 * for whoever holds a valid signed link (src/app/quarterly-report-link.ts). The link is the
 * authentication: it is short-lived, bound to the report id, and only given to administrators.
 */
import type { Request, Response, Server } from 'restify';
import type { AppContext } from '../app/shared/app-context';
import { buildQuarterlyReport, quarterlyReportCsv } from '../app/reports/quarterly-report';
import { verifyReportLink } from '../app/reports/report-link';
import type { Logger } from './logger';

/** What the download route needs. */
export interface ReportDownloadOptions {
  secret: string;
  context: AppContext;
  logger: Logger;
}

function queryValue(request: Request, name: string): string | undefined {
  const url = new URL(request.url ?? '/', 'http://localhost');
  return url.searchParams.get(name) ?? undefined;
}

/** Registers the signed CSV download route on the server. */
export function registerReportDownload(server: Server, options: ReportDownloadOptions): void {
  server.get('/reports/quarterly/:reportId', async (request: Request, response: Response) => {
    const params: unknown = request.params;
    const reportId =
      typeof params === 'object' &&
      params !== null &&
      'reportId' in params &&
      typeof params.reportId === 'string'
        ? params.reportId
        : '';
    const checked = verifyReportLink(
      options.secret,
      reportId,
      queryValue(request, 'expires'),
      queryValue(request, 'signature'),
      options.context.now(),
    );
    if (!checked.ok) {
      response.send(checked.error.code === 'not-found' ? 404 : 403, { error: checked.error.reason });
      return;
    }
    const report = await buildQuarterlyReport(options.context);
    const csv = quarterlyReportCsv(report);
    options.logger.info({ reportId, rows: report.rows.length }, 'quarterly report downloaded');
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="quarterly-report-${reportId}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(csv);
  });
}
