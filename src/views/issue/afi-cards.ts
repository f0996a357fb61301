/**
 * The cards of issuing an area for improvement: the form, the confirmation that replaces it, and
 * the read-only summary for the service's channel.
 */
import type { AfiFormInput, IssuedAfi } from '../../app/issue/issue-area-for-improvement';
import type { IssueFormOptions } from '../../app/issue/issue-form-options';
import { formatLongDate } from '../../domain/clock';
import type { Person } from '../../domain/records';
import type { ChannelOutcome } from '../../app/issue/announce-issued';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import {
  channelLines,
  dateValue,
  formMessages,
  renderRecordSummary,
  peopleChoices,
  serviceChoices,
  type FormRenderer,
} from './issue-card-parts';

const afiFields = ['serviceCode', 'questionRef', 'text', 'finding', 'targetDate', 'sll', 'cos'];

/** A fresh form's values: the caller's first service and its usual owners. */
export function blankAfiForm(options: IssueFormOptions, formId: string): AfiFormInput {
  return {
    formId,
    serviceCode: options.services[0]?.service.code ?? '',
    questionRef: '',
    text: '',
    finding: '',
    targetDate: '',
    sll: options.defaults.sll ?? '',
    cos: options.defaults.cos ?? '',
  };
}

/** The AFI form with `values` filled in, a message under each field at fault and `message` at the top. */
export const renderAfiForm: FormRenderer<AfiFormInput> = (options, values, issues = [], message = '') => {
  const { errors, top } = formMessages(afiFields, issues, message);
  const people = peopleChoices(options);
  return renderCard('afi-form', {
    heading: 'New area for improvement',
    introduction: 'A shortfall found at inspection that is not serious enough to be a cause of concern.',
    message: escapeMarkdown(top),
    formId: values.formId,
    services: serviceChoices(options),
    people: { sll: people.sll, cos: people.cos },
    values: { ...values, targetDate: dateValue(values.targetDate) },
    errors,
  });
};

function targetDateText(issued: IssuedAfi): string {
  return issued.afi.targetDate === undefined ? 'none set' : formatLongDate(issued.afi.targetDate);
}

/** The confirmation that replaces the form: the new id, its text and target date. */
export function renderAfiIssuedCard(issued: IssuedAfi, channel: ChannelOutcome): AdaptiveCardJson {
  const { afi } = issued;
  return renderCard('afi-issued', {
    heading: `Area for improvement ${afi.id} issued`,
    text: escapeMarkdown(afi.text),
    serviceName: escapeMarkdown(issued.service.name),
    facts: [
      { title: 'Id', value: afi.id },
      { title: 'Question', value: afi.questionRef },
      { title: 'Target date', value: targetDateText(issued) },
      { title: 'Service Liaison Lead', value: escapeMarkdown(issued.ownerNames.sll) },
      { title: 'Chief of Staff', value: escapeMarkdown(issued.ownerNames.cos) },
    ],
    ...channelLines(channel),
  });
}

/** The read-only summary posted to the service's channel. */
export function renderAfiSummaryCard(issued: IssuedAfi, issuedBy: Person): AdaptiveCardJson {
  const { afi } = issued;
  return renderRecordSummary({
    heading: `New area for improvement ${afi.id}`,
    title: afi.text,
    serviceName: issued.service.name,
    sllName: issued.ownerNames.sll,
    facts: [
      { title: 'Question', value: afi.questionRef },
      { title: 'Target date', value: targetDateText(issued) },
    ],
    laterFacts: [],
    itemsHeading: 'Finding',
    items: afi.finding === undefined ? [] : [{ heading: '', text: escapeMarkdown(afi.finding) }],
    footer: `Issued by ${escapeMarkdown(issuedBy.name)}.`,
  });
}
