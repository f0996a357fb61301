/**
 * Short-lived signed links to download the quarterly report CSV. The link carries the report id,
 * an expiry time and an HMAC-SHA256 of both under a secret only the server knows, so it cannot be
 * forged or extended; it is handed only to an administrator, in their personal chat.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../domain/errors';

/** How long a download link works. */
export const reportLinkLifetimeMs = 15 * 60 * 1000;

/** Where the report is downloaded from, relative to the bot's base URL. */
export const reportDownloadRoute = '/reports/quarterly/:reportId';

/** Report ids are quarter ids such as `2026-Q4`. */
export const reportIdPattern = /^\d{4}-Q[1-4]$/;

/** The signature of a report id and expiry (hex HMAC-SHA256). Pure. */
export function signReportLink(secret: string, reportId: string, expiresAtMs: number): string {
  return createHmac('sha256', secret)
    .update(`${reportId}\n${String(expiresAtMs)}`)
    .digest('hex');
}

/** The path (with query) of a signed download link valid until `now` + 15 minutes. */
export function signedReportPath(secret: string, reportId: string, now: Date): string {
  const expires = now.getTime() + reportLinkLifetimeMs;
  const signature = signReportLink(secret, reportId, expires);
  return `/reports/quarterly/${encodeURIComponent(reportId)}?expires=${String(expires)}&signature=${signature}`;
}

/** Checks a link's signature and expiry; the refusal says which failed. */
export function verifyReportLink(
  secret: string,
  reportId: string,
  expires: string | undefined,
  signature: string | undefined,
  now: Date,
): Result<true> {
  if (!reportIdPattern.test(reportId)) return fail('not-found', 'There is no such report.');
  if (
    expires === undefined ||
    !/^\d{1,15}$/.test(expires) ||
    signature === undefined ||
    !/^[0-9a-f]{64}$/.test(signature)
  )
    return fail(
      'not-allowed',
      'This link is not signed. Ask for the report again in your chat with the bot.',
    );
  const expected = Buffer.from(signReportLink(secret, reportId, Number(expires)), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    return fail('not-allowed', 'This link is not valid. Ask for the report again in your chat with the bot.');
  if (Number(expires) <= now.getTime())
    return fail(
      'not-allowed',
      'This link has expired. Type report quarterly in your chat with the bot for a new one.',
    );
  return ok(true);
}
