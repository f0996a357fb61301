/**
 * Posts anything to `/api/messages`, not only well-formed activities: the forged-input tests need
 * bodies the Bot Framework client in test/support would never send.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { testBot, type TestUser } from '../../support/bot-client';

/** The status and body text of one `POST /api/messages`. */
export interface RawAnswer {
  status: number;
  text: string;
}

/** Posts `body` as it is (a string is sent verbatim, anything else as JSON). */
export async function postRaw(
  botUrl: string,
  body: unknown,
  contentType = 'application/json',
): Promise<RawAnswer> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** A complete personal-chat envelope from `from`, replies going to `serviceUrl`. */
export function envelopeFrom(from: TestUser, serviceUrl: string): Partial<Activity> {
  return {
    id: `activity-${randomUUID()}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-GB',
    from: { id: `29:${from.objectId}`, name: from.name, aadObjectId: from.objectId },
    recipient: testBot,
    conversation: {
      id: `a:personal-${from.objectId}`,
      conversationType: 'personal',
      tenantId: from.tenantId,
      isGroup: false,
      name: '',
    },
    channelData: { tenant: { id: from.tenantId } },
  };
}
