/**
 * The revisit cards: the proposal form, the revisit card (one template for the approver's
 * actionable card, the proposer's confirmation and anyone who opens it), the findings form and
 * the drafted letter. Text people typed goes through `escapeMarkdown`; ids, names from the
 * directory and dates are ours.
 */
import { formatChangeTime, formatLongDate } from '../../domain/clock';
import { revisitStatusNames } from '../../domain/lifecycle';
import { roleNames, type Recommendation, type Revisit } from '../../domain/records';
import { findingInputIds } from '../../app/revisits/record-revisit-findings';
import type { RevisitFormSubject } from '../../app/revisits/propose-revisit';
import type { FindingsFormValues, RevisitFormValues } from '../../app/revisits/revisit-answers';
import type { RevisitCardView, RevisitStepView } from '../../app/revisits/show-revisit';
import type { Notice } from '../../app/shared/notifier';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import { ragName, revisitDays } from '../records/record-cards';

const fieldLabels: Record<string, string> = {
  firstDay: 'First day',
  lastDay: 'Last day',
  purpose: 'Purpose',
  team: 'Team',
  initialFindingsDate: 'Date the initial findings were given',
  findings: 'Findings',
  sentDate: 'Date the letter was sent',
  publishedDate: 'Date the letter was published',
};

/** "First day is required." from a field and its message. */
export function fieldSentence(field: string, message: string): string {
  return `${fieldLabels[field] ?? field} ${message}.`;
}

/** The proposal form, with the values typed and a message by each field at fault. */
export function renderRevisitForm(options: {
  subject: RevisitFormSubject;
  formId: string;
  values: RevisitFormValues;
  errors?: Record<string, string>;
  notice?: string;
}): AdaptiveCardJson {
  const { subject } = options;
  const errors = options.errors ?? {};
  return renderCard('revisit-form', {
    notice: options.notice ? escapeMarkdown(options.notice) : '',
    heading: `Propose a revisit of ${subject.coc.id}: ${escapeMarkdown(subject.coc.title)}`,
    serviceName: subject.serviceName,
    guidance: subject.endorses
      ? `It will be ${subject.nextId}. As Chief of Staff, proposing it is your endorsement: it goes straight to the HM Inspector to approve (§20).`
      : `It will be ${subject.nextId}. The Chief of Staff endorses it, then the HM Inspector approves it (§20).`,
    values: options.values,
    errors: {
      firstDay: errors.firstDay ?? '',
      lastDay: errors.lastDay ?? '',
      purpose: errors.purpose ?? '',
      team: errors.team ?? '',
    },
    submitTitle: subject.endorses ? 'Propose and endorse' : 'Propose the revisit',
    cocId: subject.coc.id,
    formId: options.formId,
  });
}

function stepValue(view: RevisitCardView, stepView: RevisitStepView): string {
  const { step } = stepView;
  if (step.decision !== undefined) {
    const behalf = stepView.onBehalfOfName ? ` on behalf of ${stepView.onBehalfOfName}` : '';
    const when = step.at ? ` at ${formatChangeTime(step.at)}` : '';
    const reason = step.reason ? `: ${escapeMarkdown(step.reason)}` : '';
    const verb = step.decision === 'rejected' ? 'Refused' : step.role === 'cos' ? 'Endorsed' : 'Approved';
    return `${verb} by ${stepView.byName ?? 'someone'}${behalf}${when}${reason}`;
  }
  if (view.approver?.step === step.role) {
    const standIn = view.approver.standingInFor
      ? ` (standing in for ${view.approver.standingInFor.name})`
      : '';
    return `Waiting for ${view.approver.person.name}${standIn}`;
  }
  return view.revisit.status === 'refused' ? 'Not needed now' : 'After the Chief of Staff';
}

function statusLine(revisit: Revisit): string {
  if (revisit.status !== 'approved') return revisitStatusNames[revisit.status];
  if (revisit.letterPublishedDate) return 'Approved; findings recorded; letter sent and published';
  if (revisit.letterSentDate) return 'Approved; findings recorded; letter sent';
  if (revisit.initialFindingsDate) return 'Approved; findings recorded; letter drafted';
  return 'Approved: findings to be recorded after the revisit';
}

/**
 * A revisit in one line, for the board summary and the quarterly report.
 * @example revisitInWords(revisit) // 'BUC-1-R1, 1 December 2026 to 3 December 2026: Approved; findings recorded; letter sent and published (published 4 December 2026)'
 */
export function revisitInWords(revisit: Revisit): string {
  const days = revisitDays(revisit);
  const published = revisit.letterPublishedDate
    ? ` (published ${formatLongDate(revisit.letterPublishedDate)})`
    : '';
  return `${revisit.id}, ${days}: ${statusLine(revisit)}${published}`;
}

function letterFacts(revisit: Revisit): { title: string; value: string }[] {
  if (revisit.letter === undefined) return [];
  return [
    { title: 'Letter', value: 'Drafted for the HM Inspector' },
    {
      title: 'Letter sent',
      value: revisit.letterSentDate ? formatLongDate(revisit.letterSentDate) : 'Not yet',
    },
    {
      title: 'Letter published',
      value: revisit.letterPublishedDate ? formatLongDate(revisit.letterPublishedDate) : 'Not yet',
    },
  ];
}

/** How the revisit card is drawn. */
export interface RevisitCardOptions {
  notice?: Notice;
  /** Show Endorse/Approve and Refuse (defaults to whether the viewer may decide). */
  actionable?: boolean;
  reason?: string;
  reasonError?: string;
  /** The letter dates typed, and messages, after a refused save. */
  letterValues?: { sentDate: string; publishedDate: string };
  letterErrors?: Record<string, string>;
}

/** The revisit card. */
export function renderRevisitCard(view: RevisitCardView, options: RevisitCardOptions = {}): AdaptiveCardJson {
  const { revisit } = view;
  const step = view.approver?.step ?? '';
  const canDecide = (options.actionable ?? view.canDecide) && step !== '';
  const days = revisitDays(revisit);
  const card = renderCard('revisit-card', {
    notice: options.notice ? escapeMarkdown(options.notice.text) : '',
    noticeStyle: options.notice?.tone ?? 'default',
    heading: `Revisit ${revisit.id}`,
    serviceName: `${view.serviceName} · ${revisit.cocId}: ${escapeMarkdown(view.cocTitle)}`,
    status: statusLine(revisit),
    facts: [
      { title: 'Days', value: days },
      { title: 'Team', value: escapeMarkdown(revisit.team) },
      { title: 'Proposed by', value: `${view.proposedByName}, ${formatChangeTime(revisit.proposedAt)}` },
      ...(revisit.initialFindingsDate
        ? [{ title: 'Initial findings given', value: formatLongDate(revisit.initialFindingsDate) }]
        : []),
    ],
    purpose: escapeMarkdown(revisit.purpose),
    steps: view.steps.map((s) => ({ title: roleNames[s.step.role], value: stepValue(view, s) })),
    findingsHeading: 'Findings',
    findings: revisit.findings.map((f) => ({
      title: `${f.recommendationId} · ${ragName(f.rag)}`,
      value: escapeMarkdown(f.text),
    })),
    nextSteps: revisit.nextSteps ? escapeMarkdown(revisit.nextSteps) : '',
    letter: letterFacts(revisit),
    canDecide,
    approveTitle: step === 'cos' ? 'Endorse' : 'Approve',
    reason: options.reason ?? '',
    reasonError: options.reasonError ?? '',
    step,
    canRecordFindings: view.canRecordFindings,
    canRecordLetter: view.canRecordLetter,
    hasLetter: revisit.letter !== undefined,
    values: options.letterValues ?? {
      sentDate: revisit.letterSentDate ?? '',
      publishedDate: revisit.letterPublishedDate ?? '',
    },
    errors: {
      sentDate: options.letterErrors?.sentDate ?? '',
      publishedDate: options.letterErrors?.publishedDate ?? '',
    },
    revisitId: revisit.id,
    cocId: revisit.cocId,
    updatedAt: revisit.updatedAt,
    refreshUserIds: view.refreshUserIds,
  });
  if (card.refresh === null || card.refresh === undefined) delete card.refresh;
  return card;
}

/** The findings form: one row per recommendation still live, with the values typed and messages. */
export function renderRevisitFindingsForm(options: {
  revisit: Revisit;
  serviceName: string;
  recommendations: readonly Recommendation[];
  values?: FindingsFormValues;
  errors?: Record<string, string>;
  notice?: string;
}): AdaptiveCardJson {
  const { revisit } = options;
  const errors = options.errors ?? {};
  const values = options.values ?? { initialFindingsDate: '', nextSteps: '', rows: [] };
  return renderCard('revisit-findings-form', {
    notice: options.notice ? escapeMarkdown(options.notice) : '',
    heading: `Findings of revisit ${revisit.id}`,
    serviceName: options.serviceName,
    guidance:
      'Give the date the initial findings were given to the service, and a finding with a RAG for each recommendation you looked at. Each finding is added to the recommendation’s progress as a revisit finding, and the HM Inspector’s letter is drafted from them.',
    values: { initialFindingsDate: values.initialFindingsDate, nextSteps: values.nextSteps },
    errors: {
      initialFindingsDate: errors.initialFindingsDate ?? '',
      findings: errors.findings ?? '',
    },
    rows: options.recommendations.map((r, index) => {
      const ids = findingInputIds(index + 1);
      const typed = values.rows[index];
      return {
        id: r.id,
        heading: `${r.id} · ${ragName(r.rag)}`,
        text: escapeMarkdown(r.text),
        textId: ids.text,
        ragId: ids.rag,
        finding: typed?.finding ?? '',
        rag: typed?.rag ?? '',
        textError: errors[ids.text] ?? '',
        ragError: errors[ids.rag] ?? '',
      };
    }),
    recommendationIds: options.recommendations.map((r) => r.id),
    revisitId: revisit.id,
    updatedAt: revisit.updatedAt,
  });
}

/** The drafted revisit letter, for the HM Inspector to check, sign and send. */
export function renderRevisitLetterCard(revisit: Revisit, serviceName: string): AdaptiveCardJson {
  const findingsOn = revisit.initialFindingsDate
    ? formatLongDate(revisit.initialFindingsDate)
    : 'the revisit';
  return renderCard('revisit-letter', {
    heading: `Revisit letter for ${revisit.id}`,
    introduction: `The findings of revisit ${revisit.id} (initial findings given on ${findingsOn}) are recorded. Here is a draft of your letter to the chief fire officer and the chair of the fire and rescue authority of ${serviceName}. Check it, sign it and send it; it will be published. Record the dates it was sent and published on the revisit card.`,
    // One block per line: the letter's headings and lists stay on lines of their own.
    paragraphs: (revisit.letter ?? '')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((text) => ({ text: escapeMarkdown(text) })),
    revisitId: revisit.id,
  });
}
