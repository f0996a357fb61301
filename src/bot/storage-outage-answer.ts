/**
 * What a person sees when storage cannot be reached during their turn: not the generic "something
 * went wrong", but a plain "couldn't save, try again" that names what was not saved, shows what
 * they typed, and offers a button that sends the very same values again.
 *
 * The answer is built from the activity alone: with storage down the bot cannot load the record to
 * draw the form again, so the card data the person sent is all there is (and all that is needed).
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { recommendationStatusNames, RecommendationStatus, Rag } from '../domain/records';
import { renderCard, type AdaptiveCardJson } from '../views/shared/card-renderer';
import { escapeMarkdown, shorten } from '../views/shared/escape-markdown';

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** Network failures of a request that never got an answer: the account is not there right now. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True when `error` (or what caused it) says storage is unavailable: the store's
 * `storage-unavailable` error, an Azure RestError that got no HTTP answer, a refused connection,
 * or a 503. Other failures (a bug, a corrupt row) keep the generic apology with its reference.
 */
export function isStorageOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
    if (field(current, 'code') === 'storage-unavailable') return true;
    const code = field(current, 'code');
    if (typeof code === 'string' && unreachableCodes.has(code)) return true;
    if (field(current, 'statusCode') === 503) return true;
    if (field(current, 'name') === 'RestError' && field(current, 'statusCode') === undefined) return true;
    current = field(current, 'cause');
  }
  return false;
}

/** The Action.Execute a person pressed, read loosely: only strings are kept, to show and resend. */
const PressedAction = z.object({
  action: z.object({
    verb: z.string().max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

interface PressedButton {
  verb: string;
  data: Record<string, string>;
}

function pressedButton(activity: Partial<Activity>): PressedButton | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return undefined;
  const parsed = PressedAction.safeParse(activity.value);
  if (!parsed.success) return undefined;
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data.action.data ?? {})) {
    if (typeof value === 'string') data[key] = value.slice(0, 10_000);
  }
  return { verb: parsed.data.action.verb, data };
}

/** What a save button would have saved, by verb, in words: "your update to BUC-2.3". */
function whatWasNotSaved(button: PressedButton): string | undefined {
  const { data } = button;
  const id = data.recommendationId ?? data.cocId ?? data.afiId ?? data.subjectId ?? '';
  const decision = data.decision === 'reject' ? 'rejection' : 'approval';
  const subjects: Record<string, string> = {
    updateRecommendation: `your update to ${id}`,
    addProgressNote: `your progress note on ${id}`,
    reviseTargetDate: `the new target date for ${id}`,
    recordActionPlanReceived: `the date the action plan for ${id} arrived`,
    completeAfi: `marking ${id} complete`,
    submitClosureRequest: `your closure request for ${id}`,
    decideClosure: `your ${decision} of the closure request`,
    issueCoc: 'the new cause of concern',
    issueAfi: 'the new area for improvement',
  };
  return subjects[button.verb];
}

function statusName(value: string): string {
  const parsed = RecommendationStatus.safeParse(value);
  return parsed.success ? recommendationStatusNames[parsed.data] : value;
}

function ragName(value: string): string {
  const parsed = Rag.safeParse(value);
  return parsed.success ? { red: 'Red', amber: 'Amber', green: 'Green' }[parsed.data] : value;
}

/** The values a person typed, labelled as on the form, so they can see nothing is lost. */
function typedFacts(data: Record<string, string>): { title: string; value: string }[] {
  const shown: [string, string, (value: string) => string][] = [
    ['status', 'Status', statusName],
    ['rag', 'RAG status', ragName],
    ['text', 'Progress note', (value) => value],
    ['date', 'Date', (value) => value],
    ['reason', 'Reason', (value) => value],
    ['validationNote', 'How the improvement was validated', (value) => value],
    ['link1', 'Evidence link 1', (value) => value],
    ['link2', 'Evidence link 2', (value) => value],
    ['link3', 'Evidence link 3', (value) => value],
    ['link4', 'Evidence link 4', (value) => value],
    ['link5', 'Evidence link 5', (value) => value],
  ];
  return shown.flatMap(([key, title, describe]) => {
    const value = data[key]?.trim();
    return value ? [{ title, value: escapeMarkdown(shorten(describe(value), 300)) }] : [];
  });
}

/** The outage answer to a card button: a card naming what was not saved, with a "Try again" button. */
export function renderStorageOutageCard(activity: Partial<Activity>): AdaptiveCardJson {
  const button = pressedButton(activity);
  const subject = button ? whatWasNotSaved(button) : undefined;
  const message = subject
    ? `I couldn't save ${escapeMarkdown(subject)}: our records store isn't answering at the moment. Nothing was changed. Please try again in a few minutes; your values are kept below.`
    : "I couldn't do that: our records store isn't answering at the moment. Nothing was changed. Please try again in a few minutes.";
  return renderCard('storage-unavailable', {
    title: subject ? "Couldn't save your change" : "Couldn't reach our records",
    message,
    facts: button && subject ? typedFacts(button.data) : [],
    retry: button ? { verb: button.verb, data: button.data } : { verb: '', data: {} },
  });
}

/** The outage answer to a typed message. */
export const storageOutageText =
  "Sorry, I couldn't reach our records store just now, so nothing was saved or changed. Please try again in a few minutes.";
