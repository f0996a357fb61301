/**
 * Pieces shared by the issue cards: choice lists from the directory, form field messages, the line
 * about the service channel, and the refusal card. Every text a person typed (or a directory entry)
 * that lands in a TextBlock or FactSet goes through `escapeMarkdown`; input values do not, because
 * inputs show text literally and must give back exactly what was typed.
 */
import type { FieldIssue } from '../../domain/errors';
import type { ChannelOutcome } from '../../app/issue/announce-issued';
import type { IssueFormOptions } from '../../app/issue/issue-form-options';
import type { Person, Region } from '../../domain/records';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';

/** One entry of an Input.ChoiceSet. */
export interface Choice {
  title: string;
  value: string;
}

/** The service choices of a form, e.g. "Buckinghamshire Fire and Rescue Service (BUC)". */
export function serviceChoices(options: IssueFormOptions): Choice[] {
  return options.services.map(({ service }) => ({
    title: `${service.name} (${service.code})`,
    value: service.code,
  }));
}

function personChoice(person: Person, regions: readonly Region[]): Choice {
  const region = regions.find((r) => r.id === person.regionId);
  return { title: region ? `${person.name} (${region.name})` : person.name, value: person.objectId };
}

/** The owner choices of a form, one list per role. */
export function peopleChoices(options: IssueFormOptions): { sll: Choice[]; cos: Choice[]; hmi: Choice[] } {
  const { regions } = options;
  return {
    sll: options.people.sll.map((p) => personChoice(p, regions)),
    cos: options.people.cos.map((p) => personChoice(p, regions)),
    hmi: options.people.hmi.map((p) => personChoice(p, regions)),
  };
}

/**
 * The message under each field (empty string where there is none), for `fields`; issues naming
 * no field of the form are returned separately, for the top of the card.
 */
export function fieldMessages(
  fields: readonly string[],
  issues: readonly FieldIssue[],
): { errors: Record<string, string>; unplaced: string[] } {
  const errors: Record<string, string> = Object.fromEntries(fields.map((field) => [field, '']));
  const unplaced: string[] = [];
  for (const issue of issues) {
    if (fields.includes(issue.field) && errors[issue.field] === '')
      errors[issue.field] = escapeMarkdown(issue.message);
    else if (!fields.includes(issue.field)) unplaced.push(issue.message);
  }
  return { errors, unplaced };
}

/** Draws an issue form with `values` filled in, a message under each field at fault and `message` at the top. */
export type FormRenderer<V> = (
  options: IssueFormOptions,
  values: V,
  issues?: readonly FieldIssue[],
  message?: string,
) => AdaptiveCardJson;

/** The messages under the fields and the line at the top of a form: `message` and the issues no field shows. */
export function formMessages(
  fields: readonly string[],
  issues: readonly FieldIssue[],
  message: string,
): { errors: Record<string, string>; top: string } {
  const { errors, unplaced } = fieldMessages(fields, issues);
  return { errors, top: [message, ...unplaced].filter((line) => line !== '').join(' ') };
}

/** What a record's summary card in the service channel shows (`cards/record-summary.json`). */
export interface RecordSummary {
  heading: string;
  title: string;
  serviceName: string;
  sllName: string;
  /** Facts shown between the service and the SLL, and after the SLL. */
  facts: { title: string; value: string }[];
  laterFacts: { title: string; value: string }[];
  itemsHeading: string;
  items: { heading: string; text: string }[];
  footer: string;
}

/** The read-only summary of a newly issued record, posted to its service's channel. */
export function renderRecordSummary(summary: RecordSummary): AdaptiveCardJson {
  const service = { title: 'Service', value: escapeMarkdown(summary.serviceName) };
  const sll = { title: 'Service Liaison Lead', value: escapeMarkdown(summary.sllName) };
  return renderCard('record-summary', {
    heading: summary.heading,
    title: escapeMarkdown(summary.title),
    facts: [service, ...summary.facts, sll, ...summary.laterFacts],
    itemsHeading: summary.itemsHeading,
    items: summary.items,
    footer: summary.footer,
  });
}

/** A date as Input.Date accepts it: `YYYY-MM-DD`, else empty. */
export function dateValue(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

/** The line on a confirmation card about the service channel: `{ channelNote, channelWarning }`. */
export function channelLines(outcome: ChannelOutcome): { channelNote: string; channelWarning: string } {
  switch (outcome.kind) {
    case 'posted':
      return {
        channelNote: `A summary was posted to the channel of ${escapeMarkdown(outcome.serviceName)}.`,
        channelWarning: '',
      };
    case 'failed':
      return {
        channelNote: '',
        channelWarning: `The record is saved, but I couldn't reach the channel of ${escapeMarkdown(outcome.serviceName)} to post the summary. Please let the channel know yourself.`,
      };
    case 'none':
      return {
        channelNote: `No channel is registered for ${outcome.serviceCode}, so no summary was posted. To register one, mention me in the channel and type: register service ${outcome.serviceCode}`,
        channelWarning: '',
      };
    case 'skipped':
      return {
        channelNote: 'This form had already been submitted: this is the record it issued.',
        channelWarning: '',
      };
  }
}

/** A card saying why something was refused. */
export function renderRefusalCard(heading: string, reason: string): AdaptiveCardJson {
  return renderCard('issue-refused', { heading, message: escapeMarkdown(reason) });
}
