/**
 * The activities the benchmark sends, shaped as Teams sends them (see test/support/bot-client.ts):
 * a personal chat with the bot, replies going to `serviceUrl`.
 */
import { randomUUID } from 'node:crypto';

/** Who sends the activity. */
export interface Sender {
  objectId: string;
  tenantId: string;
  name: string;
}

const bot = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'CoC Monitor' };

function envelope(serviceUrl: string, from: Sender): Record<string, unknown> {
  return {
    id: `activity-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-GB',
    from: { id: `29:${from.objectId}`, name: from.name, aadObjectId: from.objectId },
    recipient: bot,
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

/** A typed message, e.g. `show BUC-1`. */
export function messageActivity(serviceUrl: string, from: Sender, text: string): Record<string, unknown> {
  return { ...envelope(serviceUrl, from), type: 'message', text, textFormat: 'plain', entities: [] };
}

/** A card button press (Action.Execute) with its verb and data. */
export function invokeActivity(
  serviceUrl: string,
  from: Sender,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...envelope(serviceUrl, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: `card-${randomUUID()}`,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** Posts one activity to a bot and returns the status and the parsed body. */
export async function post(
  botUrl: string,
  activity: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const raw = await response.text();
  return { status: response.status, body: raw === '' ? undefined : (JSON.parse(raw) as unknown) };
}
