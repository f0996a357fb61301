/**
 * Keeps the conversation references the bot needs to message people and channels later
 * (reminders, approval cards). Teams sends the same reference with every activity, so writing it
 * each turn would cost a round trip (and for channels two more, for the registrations) for nothing:
 * what was last saved for each conversation is remembered in this process, and a reference is
 * written only when it changes (a new service URL, another speaker in a channel) or after a restart.
 * Another instance's writes are not seen, but they come from the same Teams and so carry the same
 * reference.
 */
import type { AppContext } from './app-context';

/** Where a conversation happens. Group chats are not kept: nothing is sent to them. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** A conversation reference as the channel sends it (kept as given). */
export type ConversationReferenceData = Record<string, unknown> & {
  activityId?: string;
  user?: { aadObjectId?: string };
  conversation?: { id?: string; tenantId?: string };
};

/** How many conversations the memory keeps; beyond it the oldest is forgotten (and saved again when seen). */
const rememberedReferences = 10_000;

/**
 * A reference as compared from one turn to the next: everything but `activityId`, which names the
 * message just received and so changes every turn. It only says which message a later proactive
 * post would reply to, which nothing relies on (registrations drop it, personal chats have no threads).
 */
export function referenceFingerprint(reference: ConversationReferenceData): string {
  const { activityId: _activityId, ...rest } = reference;
  return JSON.stringify(rest);
}

/**
 * Saves a conversation's reference as whose it is (`key`: the person's object id, or the channel's
 * id); a channel's registrations follow it. Also how a chat the bot opened itself is kept
 * (src/app/shared/deliver.ts), so it is found exactly as one the person opened.
 */
export async function saveConversation(
  context: AppContext,
  reference: ConversationReferenceData,
  kind: 'personal' | 'channel',
  key: string,
): Promise<void> {
  const updatedAt = context.now().toISOString();
  const { conversations } = context.store;
  await conversations.save({ kind, key, reference, tenantId: reference.conversation?.tenantId, updatedAt });
  if (kind === 'channel') await conversations.refreshRegistrations(key, reference, updatedAt);
}

/** A function that saves a conversation's reference when it differs from the one saved last. */
export function rememberConversations(
  context: AppContext,
): (reference: ConversationReferenceData, kind: ConversationKind) => Promise<void> {
  const saved = new Map<string, string>();
  return async (reference, kind) => {
    const key = kind === 'personal' ? reference.user?.aadObjectId : reference.conversation?.id;
    if (!key || kind === 'groupChat') return;
    const memoryKey = `${kind}|${key}`;
    const fingerprint = referenceFingerprint(reference);
    if (saved.get(memoryKey) === fingerprint) return;
    await saveConversation(context, reference, kind, key);
    // Remembered only once saved, so a failed write is tried again on the next turn.
    saved.delete(memoryKey);
    saved.set(memoryKey, fingerprint);
    const oldest = saved.size > rememberedReferences ? saved.keys().next().value : undefined;
    if (oldest !== undefined) saved.delete(oldest);
  };
}
