/**
 * The cards of issuing a cause of concern: the form (first drawn, or drawn again with the values
 * kept and a message under each field at fault), the confirmation that replaces it, and the
 * read-only summary for the service's channel.
 */
import type { CocDueDates, CocFormInput, IssuedCoc } from '../../app/issue/issue-cause-of-concern';
import { recommendationSlots } from '../../app/issue/issue-cause-of-concern';
import type { IssueFormOptions } from '../../app/issue/issue-form-options';
import { formatLongDate } from '../../domain/clock';
import type { Person, Pillar } from '../../domain/records';
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

/** Every input of the form that can carry a message. */
const cocFields = [
  'serviceCode',
  'title',
  'finding',
  'pillar',
  'publicSafetyRisk',
  'fieldworkEndDate',
  'letterDate',
  'reportPublishedDate',
  'actionPlanRule',
  'actionPlanFixedDate',
  ...Array.from({ length: recommendationSlots }, (_, i) => [
    `recommendation${i + 1}`,
    `recommendation${i + 1}TargetDate`,
  ]).flat(),
  'sll',
  'cos',
  'hmi',
];

const pillarNames: Record<Pillar, string> = {
  effectiveness: 'Effectiveness',
  efficiency: 'Efficiency',
  people: 'People',
};

/** A fresh form's values: the caller's first service and its usual owners. */
export function blankCocForm(options: IssueFormOptions, formId: string): CocFormInput {
  return {
    formId,
    serviceCode: options.services[0]?.service.code ?? '',
    title: '',
    finding: '',
    pillar: '',
    publicSafetyRisk: false,
    fieldworkEndDate: '',
    letterDate: '',
    reportPublishedDate: '',
    actionPlanRule: 'workingDaysFromLetter',
    actionPlanFixedDate: '',
    recommendations: Array.from({ length: recommendationSlots }, () => ({ text: '', targetDate: '' })),
    sll: options.defaults.sll ?? '',
    cos: options.defaults.cos ?? '',
    hmi: options.defaults.hmi ?? '',
  };
}

/**
 * The CoC form with `values` filled in. `issues` put a red message under their fields; `message`
 * (already readable, not yet escaped) goes at the top.
 */
export const renderCocForm: FormRenderer<CocFormInput> = (options, values, issues = [], message = '') => {
  const { errors, top } = formMessages(cocFields, issues, message);
  return renderCard('coc-form', {
    heading: 'New cause of concern',
    introduction:
      'A serious, critical or systemic shortcoming found at inspection, with one or more recommendations.',
    message: escapeMarkdown(top),
    formId: values.formId,
    services: serviceChoices(options),
    people: peopleChoices(options),
    values: {
      serviceCode: values.serviceCode,
      title: values.title,
      finding: values.finding,
      pillar: values.pillar,
      publicSafetyRisk: values.publicSafetyRisk ? 'true' : 'false',
      fieldworkEndDate: dateValue(values.fieldworkEndDate),
      letterDate: dateValue(values.letterDate),
      reportPublishedDate: dateValue(values.reportPublishedDate),
      actionPlanRule: values.actionPlanRule,
      actionPlanFixedDate: dateValue(values.actionPlanFixedDate),
      sll: values.sll,
      cos: values.cos,
      hmi: values.hmi,
    },
    errors,
    recommendations: Array.from({ length: recommendationSlots }, (_, i) => {
      const slot = values.recommendations[i] ?? { text: '', targetDate: '' };
      const n = i + 1;
      return {
        textId: `recommendation${n}`,
        dateId: `recommendation${n}TargetDate`,
        label: n === 1 ? 'Recommendation 1' : `Recommendation ${n} (optional)`,
        dateLabel: `Target date of recommendation ${n} (optional)`,
        text: slot.text,
        targetDate: dateValue(slot.targetDate),
        textError: errors[`recommendation${n}`] ?? '',
        dateError: errors[`recommendation${n}TargetDate`] ?? '',
      };
    }),
  });
};

/** The due dates as facts, e.g. "Action plan due: 28 April 2023". */
export function dueDateFacts(
  dueDates: CocDueDates,
  publicSafetyRisk: boolean,
): { title: string; value: string }[] {
  const awaiting = 'awaiting the letter date or the report publication date';
  const actionPlan =
    dueDates.actionPlan.kind === 'due'
      ? formatLongDate(dueDates.actionPlan.dueDate)
      : dueDates.actionPlan.missing === 'letterDate'
        ? 'awaiting the letter date'
        : 'awaiting the report publication date';
  return [
    {
      title: 'Notification letter due',
      value:
        publicSafetyRisk && dueDates.notification !== undefined
          ? formatLongDate(dueDates.notification)
          : 'not needed: not a potential risk to public safety',
    },
    { title: 'Action plan due', value: actionPlan },
    {
      title: 'First quarterly update due',
      value:
        dueDates.firstQuarterlyUpdate === undefined
          ? awaiting
          : formatLongDate(dueDates.firstQuarterlyUpdate),
    },
    {
      title: 'Next engagement',
      value:
        dueDates.engagement === undefined
          ? awaiting
          : `between ${formatLongDate(dueDates.engagement.earliest)} and ${formatLongDate(dueDates.engagement.latest)}`,
    },
  ];
}

function recommendationLines(issued: IssuedCoc): { id: string; target: string; text: string }[] {
  return issued.recommendations.map((r) => ({
    id: r.id,
    target:
      r.originalTargetDate === undefined
        ? 'no target date'
        : `target date ${formatLongDate(r.originalTargetDate)}`,
    text: escapeMarkdown(r.text),
  }));
}

/** The confirmation that replaces the form: the new id, title, due dates and recommendations. */
export function renderCocIssuedCard(issued: IssuedCoc, channel: ChannelOutcome): AdaptiveCardJson {
  const { coc } = issued;
  return renderCard('coc-issued', {
    heading: `Cause of concern ${coc.id} issued`,
    title: escapeMarkdown(coc.title),
    serviceName: escapeMarkdown(issued.service.name),
    facts: [
      { title: 'Id', value: coc.id },
      { title: 'Pillar', value: pillarNames[coc.pillar] },
      ...dueDateFacts(issued.dueDates, coc.publicSafetyRisk),
    ],
    recommendations: recommendationLines(issued),
    cocId: coc.id,
    ...channelLines(channel),
  });
}

/** The read-only summary posted to the service's channel. */
export function renderCocSummaryCard(issued: IssuedCoc, issuedBy: Person): AdaptiveCardJson {
  const { coc } = issued;
  return renderRecordSummary({
    heading: `New cause of concern ${coc.id}`,
    title: coc.title,
    serviceName: issued.service.name,
    sllName: issued.ownerNames.sll,
    facts: [
      { title: 'Pillar', value: pillarNames[coc.pillar] },
      { title: 'Potential risk to public safety', value: coc.publicSafetyRisk ? 'Yes' : 'No' },
    ],
    laterFacts: dueDateFacts(issued.dueDates, coc.publicSafetyRisk),
    itemsHeading: 'Recommendations',
    items: recommendationLines(issued).map((line) => ({
      heading: `${line.id}: ${line.target}`,
      text: line.text,
    })),
    footer: `Issued by ${escapeMarkdown(issuedBy.name)}. Mention me with show ${coc.id} for the details.`,
  });
}
