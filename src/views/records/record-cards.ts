/**
 * Turns the view models of src/app/coc-view.ts into the CoC card, the AFI card and the short
 * notice card. Every piece of text a person typed goes through `escapeMarkdown`; ids, names from
 * the directory and dates are ours.
 */
import type { ActionPlanLateMessage } from '../../app/records/notify-action-plan-late';
import {
  actionPlanDueDate,
  daysBetween,
  formatLongDate,
  toLondonDate,
  type ActionPlanTimeliness,
  type Obligation,
} from '../../domain/clock';
import {
  recommendationStatusNames,
  type CauseOfConcern,
  type LaterInspection,
  type Rag,
  type Recommendation,
  type Revisit,
} from '../../domain/records';
import type { AfiCardView, CocCardView, RecommendationView } from '../../app/records/show-record';
import { monitoringLevelInWords, revisitStatusNames } from '../../domain/lifecycle';
import type { NoticeAnswer } from '../../app/shared/answer';
import type { Notice } from '../../app/shared/notifier';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';

interface Fact {
  title: string;
  value: string;
}

/**
 * How far away a date is, in words.
 * @example daysText(3) // '3 days left'
 */
export function daysText(days: number): string {
  if (days === 0) return 'due today';
  if (days > 0) return days === 1 ? '1 day left' : `${String(days)} days left`;
  return days === -1 ? '1 day late' : `${String(-days)} days late`;
}

/** A RAG status as a word. */
export function ragName(rag: Rag | undefined): string {
  return rag === undefined ? 'Not set' : { red: 'Red', amber: 'Amber', green: 'Green' }[rag];
}

function noticeData(notice: Notice | undefined): { notice: string; noticeStyle: string } {
  return { notice: notice ? escapeMarkdown(notice.text) : '', noticeStyle: notice?.tone ?? 'default' };
}

function dueFact(title: string, obligation: Obligation | undefined): Fact[] {
  if (!obligation) return [];
  return [{ title, value: `${formatLongDate(obligation.dueDate)} (${daysText(obligation.daysUntilDue)})` }];
}

/** "Within 28 working days of the letter of 23 October 2026: 1 December 2026". */
export function actionPlanRuleInWords(coc: CauseOfConcern): string {
  const rule = coc.actionPlanRule;
  const due = actionPlanDueDate(coc);
  const dueText = due.kind === 'due' ? `: ${formatLongDate(due.dueDate)}` : '';
  switch (rule.kind) {
    case 'workingDaysFromLetter':
    case 'daysFromLetter': {
      const days = `${String(rule.days)}${rule.kind === 'workingDaysFromLetter' ? ' working' : ''} days`;
      const letter = coc.letterDate ? `the letter of ${formatLongDate(coc.letterDate)}` : 'the letter';
      return `Within ${days} of ${letter}${coc.letterDate ? dueText : ': not known until the letter is dated'}`;
    }
    case 'daysFromPublication': {
      const report = coc.reportPublishedDate
        ? `the report's publication on ${formatLongDate(coc.reportPublishedDate)}`
        : "the report's publication";
      return `Within ${String(rule.days)} days of ${report}${coc.reportPublishedDate ? dueText : ': not known until it is published'}`;
    }
    case 'fixedDate':
      return `By ${formatLongDate(rule.date)}`;
    default:
      return 'Not set';
  }
}

/** "on time", "2 working days late", "3 days early". */
export function timelinessInWords(timeliness: ActionPlanTimeliness): string {
  const { difference, unit } = timeliness;
  if (difference === 0) return 'on time';
  const count = Math.abs(difference);
  const days = `${String(count)} ${unit === 'working' ? 'working ' : ''}${count === 1 ? 'day' : 'days'}`;
  return `${days} ${difference > 0 ? 'late' : 'early'}`;
}

/** The inspection's dates: its fieldwork, the report, and a public-safety CoC's early publication. */
function inspectionFacts(coc: CauseOfConcern): Fact[] {
  const end = formatLongDate(coc.fieldworkEndDate);
  const facts: Fact[] = [
    {
      title: 'Fieldwork',
      value: coc.fieldworkStartDate
        ? `${formatLongDate(coc.fieldworkStartDate)} to ${end}`
        : `Ended on ${end}`,
    },
  ];
  if (coc.publicSafetyRisk && coc.checkCopySentDate)
    facts.push({ title: 'Factual-accuracy copy sent', value: formatLongDate(coc.checkCopySentDate) });
  if (coc.publicSafetyRisk && coc.websitePublishedDate)
    facts.push({ title: 'Published on the website', value: formatLongDate(coc.websitePublishedDate) });
  if (coc.reportPublishedDate)
    facts.push({ title: 'Report published', value: formatLongDate(coc.reportPublishedDate) });
  return facts;
}

function dateFacts(view: CocCardView): Fact[] {
  const { coc } = view;
  const find = (kind: Obligation['kind']) => view.obligations.find((o) => o.kind === kind);
  const facts: Fact[] = [...inspectionFacts(coc)];
  if (coc.publicSafetyRisk) {
    if (coc.letterDate)
      facts.push({ title: 'Notification letter', value: `Sent on ${formatLongDate(coc.letterDate)}` });
    else facts.push(...dueFact('Notification letter due', find('notification')));
  }
  facts.push({ title: 'Action plan rule', value: actionPlanRuleInWords(coc) });
  if (coc.actionPlanReceivedDate) {
    const timeliness = view.actionPlanTimeliness;
    const how = timeliness ? `: ${timelinessInWords(timeliness)}` : '';
    facts.push({
      title: 'Action plan',
      value: `Received on ${formatLongDate(coc.actionPlanReceivedDate)}${how}`,
    });
  } else if (view.actionPlanAwaiting) {
    const waitingFor =
      view.actionPlanAwaiting === 'letterDate' ? 'the letter is dated' : 'the report is published';
    facts.push({ title: 'Action plan due', value: `Not known until ${waitingFor}` });
  } else {
    facts.push(...dueFact('Action plan due', find('actionPlan')));
  }
  facts.push(...dueFact('Next quarterly update', find('quarterlyUpdate')));
  const engagement = find('engagement');
  if (engagement?.kind === 'engagement') {
    facts.push({
      title: 'Next engagement',
      value: `Between ${formatLongDate(engagement.earliestDate)} and ${formatLongDate(engagement.dueDate)} (${daysText(engagement.daysUntilDue)})`,
    });
  }
  const revisit = view.obligations.find((o) => o.kind === 'revisit' && o.subjectId === coc.id);
  if (coc.revisitDate) {
    facts.push({
      title: 'Revisit',
      value:
        revisit && !revisit.met
          ? `${formatLongDate(coc.revisitDate)} (${daysText(revisit.daysUntilDue)})`
          : formatLongDate(coc.revisitDate),
    });
  }
  return facts;
}

function targetFacts(view: RecommendationView): Fact[] {
  const r: Recommendation = view.recommendation;
  const current = r.targetDateRevisions.at(-1)?.date ?? r.originalTargetDate;
  if (current === undefined) return [{ title: 'Target date', value: 'Not set' }];
  const stillDue = r.status === 'open' || r.status === 'inProgress';
  const facts: Fact[] = [
    {
      title: 'Target date',
      value:
        stillDue && view.daysToTarget !== undefined
          ? `${formatLongDate(current)} (${daysText(view.daysToTarget)})`
          : formatLongDate(current),
    },
  ];
  if (r.targetDateRevisions.length > 0 && r.originalTargetDate) {
    facts.push({ title: 'Original target date', value: formatLongDate(r.originalTargetDate) });
  }
  r.targetDateRevisions.forEach((revision, index) => {
    facts.push({
      title: `Revised on ${formatLongDate(toLondonDate(revision.at))}`,
      value: `To ${formatLongDate(revision.date)} by ${view.revisionsBy[index] ?? 'someone'}: ${escapeMarkdown(revision.reason)}`,
    });
  });
  return facts;
}

function latestUpdateFacts(view: RecommendationView): Fact[] {
  const update = view.recommendation.latestUpdate;
  if (!update) return [{ title: 'Latest update', value: 'None yet' }];
  const links =
    update.evidenceLinks.length > 0
      ? ` Evidence: ${update.evidenceLinks.map(escapeMarkdown).join(', ')}`
      : '';
  return [
    {
      title: 'Latest update',
      value: `${view.latestUpdateBy ?? 'Someone'}, ${formatLongDate(toLondonDate(update.at))}: ${escapeMarkdown(update.text)}${links}`,
    },
  ];
}

function recommendationData(view: RecommendationView) {
  const r = view.recommendation;
  const actions = {
    canUpdate: view.canUpdate,
    canAddNote: view.canAddNote,
    canReviseDate: view.canReviseDate,
    canRequestClosure: view.canRequestClosure,
    canWithdraw: view.canWithdraw,
  };
  if (r.withdrawn) {
    return {
      id: r.id,
      heading: `${r.id} · Withdrawn`,
      text: escapeMarkdown(r.text),
      facts: [
        {
          title: 'Withdrawn',
          value: `${formatLongDate(toLondonDate(r.withdrawn.at))}: ${escapeMarkdown(r.withdrawn.reason)}`,
        },
      ],
      ...actions,
    };
  }
  return {
    id: r.id,
    heading: `${r.id} · ${recommendationStatusNames[r.status]} · ${ragName(r.rag)}`,
    text: escapeMarkdown(r.text),
    facts: [
      { title: 'Status', value: recommendationStatusNames[r.status] },
      { title: 'RAG', value: ragName(r.rag) },
      ...targetFacts(view),
      ...latestUpdateFacts(view),
      ...(view.closureOnceInProgress
        ? [
            {
              title: 'Closure',
              value:
                'Request closure is offered once it is in progress: update its status and record the evidence first.',
            },
          ]
        : []),
    ],
    ...actions,
  };
}

/**
 * A later inspection that found a CoC again (§27), in words; user text escaped.
 * @example identifiedAgainInWords(inspection) // 'Found again at the inspection of 3 March 2027 (BUC-1.1): … Report: https://…'
 */
export function identifiedAgainInWords(inspection: LaterInspection): string {
  const which =
    inspection.recommendationIds.length > 0 ? ` (${inspection.recommendationIds.join(', ')})` : '';
  return `Found again at the inspection of ${formatLongDate(inspection.inspectionDate)}${which}: ${escapeMarkdown(inspection.finding)} Report: ${escapeMarkdown(inspection.reportLink)}`;
}

/** The CoC card with no buttons: what everyone sees after a change until their own refresh arrives. */
export function renderCocCardForEveryone(view: CocCardView): AdaptiveCardJson {
  const recommendations = view.recommendations.map((r) => ({
    ...r,
    canUpdate: false,
    canAddNote: false,
    canReviseDate: false,
    canRequestClosure: false,
  }));
  return renderCocCard({
    ...view,
    canRecordActionPlan: false,
    canEdit: false,
    canRecordIdentifiedAgain: false,
    canProposeRevisit: false,
    recommendations,
  });
}

/** The service's monitoring level on its cards, when it is above routine (§22-23). */
function monitoringFacts(view: CocCardView): Fact[] {
  const level = view.monitoring;
  if (!level || level.level === 'routine') return [];
  return [
    {
      title: 'Monitoring of the service',
      value: `${monitoringLevelInWords(level)} since ${formatLongDate(toLondonDate(level.updatedAt))}`,
    },
  ];
}

/** A revisit's days: "1 December 2026", or "1 December 2026 to 3 December 2026". */
export function revisitDays(revisit: Pick<Revisit, 'firstDay' | 'lastDay'>): string {
  return revisit.firstDay === revisit.lastDay
    ? formatLongDate(revisit.firstDay)
    : `${formatLongDate(revisit.firstDay)} to ${formatLongDate(revisit.lastDay)}`;
}

/** The CoC's revisits, each with its days and where it stands, and the SLL's "Propose a revisit". */
function revisitAndMonitoringData(view: CocCardView) {
  return {
    revisits: (view.revisits ?? []).map((revisit) => {
      const days = revisitDays(revisit);
      const due = view.obligations.find((o) => o.kind === 'revisit' && o.subjectId === revisit.id);
      const findings = revisit.initialFindingsDate
        ? `; initial findings given on ${formatLongDate(revisit.initialFindingsDate)}`
        : due && !due.met
          ? ` (findings ${daysText(due.daysUntilDue).replace('left', 'to go')})`
          : '';
      return {
        revisitId: revisit.id,
        heading: `${revisit.id} · ${days}`,
        line: `${revisitStatusNames[revisit.status]}${findings}`,
      };
    }),
    canProposeRevisit: view.canProposeRevisit ?? false,
  };
}

/** The CoC card for the person the view was built for, with an optional notice on top. */
export function renderCocCard(view: CocCardView, notice?: Notice): AdaptiveCardJson {
  const { coc } = view;
  return renderCard('coc-card', {
    ...noticeData(notice),
    id: coc.id,
    heading: `${coc.id}: ${escapeMarkdown(coc.title)}`,
    serviceName: view.serviceName,
    summary: [
      { title: 'Status', value: coc.status === 'open' ? 'Open' : 'Closed' },
      { title: 'RAG', value: ragName(coc.rag) },
      { title: 'Pillar', value: coc.pillar.charAt(0).toUpperCase() + coc.pillar.slice(1) },
      { title: 'Risk to public safety', value: coc.publicSafetyRisk ? 'Yes' : 'No' },
      ...monitoringFacts(view),
    ],
    finding: escapeMarkdown(coc.finding),
    dates: dateFacts(view),
    recommendations: view.recommendations.map(recommendationData),
    ...revisitAndMonitoringData(view),
    canRecordActionPlan: view.canRecordActionPlan,
    canEdit: view.canEdit,
    canRecordIdentifiedAgain: view.canRecordIdentifiedAgain ?? false,
    identifiedAgain: (coc.identifiedAgain ?? []).map((inspection) => ({
      text: identifiedAgainInWords(inspection),
    })),
    canAddRecommendation: view.canAddRecommendation,
    canRequestEngagement: view.canRequestEngagement,
    refreshUserIds: view.refreshUserIds,
  });
}

const afiStatusNames = {
  open: 'Open',
  complete: 'Complete (waiting for the Chief of Staff)',
  closed: 'Closed',
};

/** The AFI card for the person the view was built for. */
export function renderAfiCard(view: AfiCardView, notice?: Notice): AdaptiveCardJson {
  const { afi } = view;
  const facts: Fact[] = [
    { title: 'Question', value: afi.questionRef },
    { title: 'Status', value: afiStatusNames[afi.status] },
  ];
  if (afi.targetDate) {
    const left = afi.status === 'open' ? ` (${daysText(daysBetween(view.today, afi.targetDate))})` : '';
    facts.push({ title: 'Target date', value: `${formatLongDate(afi.targetDate)}${left}` });
  }
  if (afi.completedAt) {
    facts.push({
      title: 'Marked complete',
      value: `${formatLongDate(toLondonDate(afi.completedAt))} by ${view.completedBy ?? 'someone'}`,
    });
  }
  return renderCard('afi-card', {
    ...noticeData(notice),
    id: afi.id,
    heading: `${afi.id}: area for improvement`,
    serviceName: view.serviceName,
    text: escapeMarkdown(afi.text),
    facts,
    finding: afi.finding ? escapeMarkdown(afi.finding) : '',
    canComplete: view.canComplete,
    updatedAt: afi.updatedAt,
    refreshUserIds: view.refreshUserIds,
  });
}

/** A short card saying why something could not be done, with a way back to the CoC if known. */
export function renderNoticeCard(title: string, message: string, cocId = ''): AdaptiveCardJson {
  return renderCard('record-notice', { title, message: escapeMarkdown(message), cocId });
}

/** A use case's notice answer, drawn. */
export function renderNoticeAnswer(notice: NoticeAnswer): AdaptiveCardJson {
  return renderNoticeCard(notice.heading, notice.text, notice.cocId);
}

/** The Chief of Staff's flag of a late action plan. */
export function renderActionPlanLateCard(message: ActionPlanLateMessage): AdaptiveCardJson {
  const { coc, timeliness } = message;
  return renderNoticeCard(
    `The action plan for ${coc.id} came late`,
    `${message.serviceName}'s action plan for ${coc.id}, ${coc.title}, was due on ${formatLongDate(timeliness.dueDate)} and was received on ${formatLongDate(timeliness.receivedDate)}: ${timelinessInWords(timeliness)}.`,
    coc.id,
  );
}
