/**
 * The history card (`cards/history.json`): a record's audit events, newest first, each saying what
 * was done, by whom and when (London time), with the old and new value of every changed field.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { HistoryPage } from '../../app/history/record-history';
import { formatLongDate, LONDON_TIME_ZONE } from '../../domain/clock';
import {
  ActionPlanRule,
  recommendationStatusNames,
  RecommendationStatus,
  type AuditEvent,
} from '../../domain/records';
import { monitoringLevelNames, monitoringTriggerNames, supportProviderNames } from '../../domain/lifecycle';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown, shorten } from '../shared/escape-markdown';

/**
 * An instant as a London clock and calendar show it.
 * @example formatLondonTimeOnDate('2026-11-22T14:05:00Z') // '14:05 on 22 November 2026'
 */
export function formatLondonTimeOnDate(instant: string): string {
  return format(new TZDate(new Date(instant).getTime(), LONDON_TIME_ZONE), "HH:mm 'on' d MMMM yyyy");
}

const subjectNames: Record<string, string> = {
  coc: 'cause of concern',
  recommendation: 'recommendation',
  afi: 'area for improvement',
  service: 'service',
  revisit: 'revisit',
  monitoring: 'service',
};

/** The HM Inspector's step signs off; a Chief of Staff's last step on an AFI closes it. */
function closureDecisionPhrase(event: AuditEvent): string | undefined {
  if (event.action !== 'closure.approved') return undefined;
  const status = event.changes.find((change) => change.field === 'status');
  if (status?.to === 'pendingSro') return 'Agreed, as HM Inspector, to close {subject}';
  if (status?.to !== 'approved') return undefined;
  return status.from === 'pendingHmi' ? 'Signed off a closure request for {subject}' : 'Closed {subject}';
}

/** What each kind of event reads as; `{subject}` becomes e.g. "recommendation BUC-1.2". */
const actionPhrases: Record<string, string> = {
  'record.imported': 'Imported {subject}',
  'coc.issued': 'Issued {subject}',
  'coc.edited': 'Changed {subject}',
  'coc.action-plan-received': 'Recorded the action plan for {subject} as received',
  'coc.closed': 'Closed {subject}',
  'coc.reopened': 'Reopened {subject}',
  'coc.identified-again': 'Recorded that a later inspection found {subject} again',
  'coc.handed-over': 'Handed {subject} over to someone else',
  'recommendation.issued': 'Issued {subject}',
  'recommendation.added': 'Added {subject} to the cause of concern',
  'recommendation.withdrawn': 'Withdrew {subject}',
  'recommendation.status-changed': 'Changed the status of {subject}',
  'recommendation.rag-changed': 'Changed the RAG of {subject}',
  'recommendation.progress-added': 'Added a progress note to {subject}',
  'recommendation.target-date-set': 'Set the target date of {subject}',
  'recommendation.target-date-revised': 'Revised the target date of {subject}',
  'afi.issued': 'Issued {subject}',
  'afi.edited': 'Changed {subject}',
  'afi.status-changed': 'Changed the status of {subject}',
  'afi.handed-over': 'Handed {subject} over to someone else',
  'closure.requested': 'Asked to close {subject}',
  'closure.withdrawn': 'Withdrew a closure request for {subject}',
  'closure.approved': 'Approved a closure request for {subject}',
  'closure.rejected': 'Rejected a closure request for {subject}',
  'closure.channel-card-posted': 'Posted the closure request for {subject} in the service channel',
  'service.channel-registered': 'Registered a channel for {subject}',
  'service.letter-names-changed': 'Changed who letters to {subject} are addressed to',
  'service.channel-unregistered': 'Stopped using a channel for {subject}',
  // Revisits (§17-21) and closer monitoring (§22-23).
  'revisit.proposed': 'Proposed {subject}',
  'revisit.endorsed': 'Endorsed {subject} as Chief of Staff',
  'revisit.approved': 'Approved {subject} as HM Inspector',
  'revisit.refused': 'Refused {subject}',
  'revisit.findings-recorded': 'Recorded the findings of {subject}',
  'revisit.letter-drafted': 'Drafted the letter after {subject}',
  'revisit.letter-dates-recorded': 'Recorded when the letter after {subject} was sent and published',
  'monitoring.raised': 'Put {subject} under closer monitoring',
  'monitoring.changed': 'Changed how closely {subject} is monitored',
  'monitoring.lifted': 'Lifted closer monitoring of {subject}: back to routine',
  'external.added': 'Added {subject}, a recommendation to an external body',
};

function subjectOf(event: AuditEvent): string {
  const { about } = event.subject;
  if (event.subject.kind === 'closureRequest')
    return about === undefined
      ? 'a record'
      : `${about.includes('-AFI-') ? 'area for improvement' : 'recommendation'} ${about}`;
  const name = subjectNames[event.subject.kind];
  return name ? `${name} ${event.subject.id}` : event.subject.id;
}

/** "Changed the RAG of recommendation BUC-1.2"; an unknown action reads as its own words. */
export function actionPhraseOf(event: AuditEvent): string {
  const phrase = closureDecisionPhrase(event) ?? actionPhrases[event.action];
  if (phrase !== undefined) return phrase.replace('{subject}', subjectOf(event));
  const words = (event.action.split('.').at(-1) ?? event.action).replace(/-/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}: ${subjectOf(event)}`;
}

const fieldNames: Record<string, string> = {
  rag: 'RAG',
  status: 'Status',
  title: 'Title',
  text: 'Text',
  finding: 'Finding',
  pillar: 'Pillar',
  publicSafetyRisk: 'Potential risk to public safety',
  chiefFireOfficer: 'Chief fire officer',
  authorityChair: 'Chair of the fire and rescue authority',
  authorityName: 'Fire and rescue authority',
  fieldworkStartDate: 'Fieldwork started',
  fieldworkEndDate: 'Fieldwork ended',
  checkCopySentDate: 'Factual-accuracy copy sent to the service',
  websitePublishedDate: 'Published early on the website',
  letterDate: 'Letter date',
  reportPublishedDate: 'Report published',
  actionPlanRule: 'Action plan rule',
  actionPlanReceivedDate: 'Action plan received',
  revisitDate: 'Revisit date',
  originalTargetDate: 'Original target date',
  targetDate: 'Target date',
  latestUpdate: 'Latest update',
  owners: 'Owners',
  'owners.sll': 'Service Liaison Lead',
  'owners.cos': 'Chief of Staff',
  'owners.hmi': 'HM Inspector',
  sll: 'Service Liaison Lead',
  cos: 'Chief of Staff',
  questionRef: 'Question',
  withdrawn: 'Withdrawn',
  channelActivityId: 'Status card in the service channel',
  firstDay: 'First day',
  lastDay: 'Last day',
  team: 'Team',
  initialFindingsDate: 'Initial findings given',
  inspectionDate: 'Inspection date',
  reportLink: 'Inspection report',
  recommendationsFoundAgain: 'Recommendations found again',
  findings: 'Findings on',
  letter: 'Letter',
  letterSentDate: 'Letter sent',
  letterPublishedDate: 'Letter published',
  level: 'Monitoring level',
  triggers: 'Triggers (§22)',
  support: 'Enhanced support from',
  note: 'Note',
  externalBody: 'Addressed to',
  connectedCocId: 'Connected cause of concern',
  hmi: 'HM Inspector',
  signedOffAt: 'Closed at',
  signedOffBy: 'Closed by',
};

/** The words of revisit and monitoring values (enum keys never reach a card). */
const revisitAndMonitoringWords: Record<string, string> = {
  refused: 'Refused',
  ...monitoringLevelNames,
  ...monitoringTriggerNames,
  ...supportProviderNames,
};

/** The words of a closure request's statuses and decisions. */
const closureWords: Record<string, string> = {
  pendingCos: 'Waiting for the Chief of Staff',
  pendingHmi: 'Waiting for the HM Inspector',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  pendingSro: 'Waiting for the Senior Responsible Officer',
};

/**
 * Fields whose values are internal ids (of a Teams message, of a progress update): said as what
 * they stand for, set or not.
 */
const internalFields: Record<string, { set: string; unset: string; replaced?: string }> = {
  channelActivityId: { set: 'Posted', unset: 'Not posted' },
  latestUpdate: { set: 'A progress note', unset: '(none)', replaced: 'An earlier progress note' },
};

/** Who decides each step of a closure request, by its place in the request's steps. */
const stepDeciders = ["Chief of Staff's decision", "HM Inspector's decision"];

/** The steps of a closure request for a recommendation to an external body (§31-32). */
const externalStepDeciders = ["HM Inspector's decision", "Senior Responsible Officer's decision"];

/** A field's name in an event: a step of an external recommendation's closure is named for its own deciders. */
function fieldNameIn(event: AuditEvent, field: string): string {
  const step = /^steps\.(\d+)\.decision$/.exec(field);
  if (step && event.subject.kind === 'closureRequest' && event.subject.about?.startsWith('EXT-'))
    return externalStepDeciders[Number(step[1])] ?? 'Decision';
  return fieldNameOf(field);
}

/** A field's name for people: known names, else its words ("checkCopySentDate" → "Check copy sent date"). */
export function fieldNameOf(field: string): string {
  const known = fieldNames[field];
  if (known !== undefined) return known;
  const step = /^steps\.(\d+)\.decision$/.exec(field);
  if (step) return stepDeciders[Number(step[1])] ?? 'Decision';
  const words = field
    .replace(/\./g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An action-plan rule in words, without its dates: "within 28 working days of the letter". */
function ruleWords(rule: ActionPlanRule): string {
  switch (rule.kind) {
    case 'workingDaysFromLetter':
      return `within ${String(rule.days)} working days of the letter`;
    case 'daysFromLetter':
      return `within ${String(rule.days)} days of the letter`;
    case 'daysFromPublication':
      return `within ${String(rule.days)} days of publication`;
    case 'fixedDate':
      return `by ${formatLongDate(rule.date)}`;
  }
}

/** A stored value as a person reads it (dates written out, people named); not yet escaped. */
export function readableValue(value: unknown, names: Record<string, string>): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const name = names[value];
    if (name !== undefined) return name;
    if (localDatePattern.test(value)) return formatLongDate(value);
    if (instantPattern.test(value) && !Number.isNaN(Date.parse(value))) return formatLondonTimeOnDate(value);
    const status = RecommendationStatus.safeParse(value);
    if (status.success) return recommendationStatusNames[status.data];
    const closure = closureWords[value];
    if (closure !== undefined) return closure;
    const words = revisitAndMonitoringWords[value];
    if (words !== undefined) return words;
    if (value === 'red' || value === 'amber' || value === 'green')
      return `${value.charAt(0).toUpperCase()}${value.slice(1)}`;
    return value;
  }
  if (Array.isArray(value))
    return value.length === 0 ? '(none)' : value.map((v) => readableValue(v, names)).join(', ');
  if (typeof value === 'object') {
    const rule = ActionPlanRule.safeParse(value);
    if (rule.success) return ruleWords(rule.data);
    const update = value as { text?: unknown; at?: unknown };
    // A progress update (a recommendation's latest update): its date and words, not its id.
    if (typeof update.text === 'string' && typeof update.at === 'string')
      return `${readableValue(update.at, names)}: ${update.text}`;
    return Object.entries(value)
      .map(([key, inner]) => `${fieldNameOf(key)}: ${readableValue(inner, names)}`)
      .join('; ');
  }
  return JSON.stringify(value) ?? '';
}

function eventData(event: AuditEvent, names: Record<string, string>): Record<string, unknown> {
  const who = names[event.actor] ?? 'Someone not in the directory';
  const onBehalf =
    event.onBehalfOf === undefined
      ? ''
      : ` on behalf of ${names[event.onBehalfOf] ?? 'someone not in the directory'}`;
  return {
    what: escapeMarkdown(actionPhraseOf(event)),
    whoAndWhen: escapeMarkdown(`${who}${onBehalf} at ${formatLondonTimeOnDate(event.at)}`),
    changes: event.changes.map((change) => {
      const internal = internalFields[change.field];
      const said = (value: unknown) =>
        internal
          ? value === undefined || value === null || value === ''
            ? internal.unset
            : value === change.from && change.to !== undefined && internal.replaced
              ? internal.replaced
              : internal.set
          : shorten(readableValue(value, names), 120);
      return {
        field: escapeMarkdown(fieldNameIn(event, change.field)),
        fromTo: escapeMarkdown(`${said(change.from)} → ${said(change.to)}`),
      };
    }),
    note: event.note === undefined ? '' : escapeMarkdown(shorten(event.note, 300)),
  };
}

const subjectTitles: Record<HistoryPage['subject']['kind'], string> = {
  coc: 'Cause of concern',
  recommendation: 'Recommendation',
  afi: 'Area for improvement',
  service: 'Service',
};

/** Renders one page of a record's history. */
export function renderHistoryCard(history: HistoryPage): AdaptiveCardJson {
  const { subject } = history;
  const includes = subject.kind === 'coc' ? ', including its recommendations' : '';
  const asked = history.askedFor === undefined ? '' : ` (you asked for ${history.askedFor})`;
  const count = history.totalEvents === 1 ? '1 event' : `${String(history.totalEvents)} events`;
  return renderCard('history', {
    title: escapeMarkdown(`History of ${subject.id}`),
    subjectText: escapeMarkdown(`${subjectTitles[subject.kind]}: ${shorten(subject.title, 160)}`),
    summary: escapeMarkdown(`${count}, newest first${includes}${asked}.`),
    events: history.events.map((event) => eventData(event, history.names)),
    pageCount: history.pageCount,
    pageLine: `Page ${String(history.page)} of ${String(history.pageCount)}`,
    subjectId: history.askedFor ?? subject.id,
    hasPrevious: history.page > 1,
    hasNext: history.page < history.pageCount,
    previousPage: history.page - 1,
    nextPage: history.page + 1,
  });
}
