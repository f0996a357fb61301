/**
 * The closure approval cards: the SLL's request form, the approval/status card (one template for
 * the approver's actionable card, the SLL's confirmation and the channel's read-only status), the
 * drafted closure letter and the delegation confirmation. Text people typed goes through
 * `escapeMarkdown`; ids, names from the directory and dates are ours.
 */
import { formatChangeTime, formatLongDate, toLondonDate } from '../../domain/clock';
import { isExternalTarget, type ClosureTarget } from '../../domain/lifecycle';
import { recommendationStatusNames, roleNames, type CauseOfConcern } from '../../domain/records';
import { maxClosureEvidenceLinks } from '../../app/closure/raise-closure';
import type { ClosureFormValues } from '../../app/closure/closure-answers';
import type { ClosureCardView, ClosureStepView } from '../../app/closure/show-closure';
import type { DelegationSaved } from '../../app/closure/delegate-role';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import type { Notice } from '../../app/shared/notifier';

const afiStatusNames = { open: 'Open', complete: 'Complete', closed: 'Closed' } as const;

function subjectTitle(target: ClosureTarget): string {
  if (target.kind === 'recommendation' && target.record.externalBody !== undefined)
    return `Recommendation ${target.record.id} to ${escapeMarkdown(target.record.externalBody)}`;
  return target.kind === 'recommendation'
    ? `Recommendation ${target.record.id}`
    : `Area for improvement ${target.record.id} (${target.record.questionRef})`;
}

function statusName(target: ClosureTarget): string {
  return target.kind === 'recommendation'
    ? recommendationStatusNames[target.record.status]
    : afiStatusNames[target.record.status];
}

/** The id of the n-th evidence link input (from 1). */
export const closureLinkInputId = (n: number): string => `link${String(n)}`;

/** Renders the closure request form, with the person's values and a message by each field at fault. */
export function renderClosureForm(options: {
  target: ClosureTarget;
  serviceName: string;
  values: ClosureFormValues;
  errors?: Record<string, string>;
  notice?: string;
}): AdaptiveCardJson {
  const { target, values } = options;
  const errors = options.errors ?? {};
  const isRecommendation = target.kind === 'recommendation';
  return renderCard('closure-form', {
    notice: options.notice ? escapeMarkdown(options.notice) : '',
    heading: `Request closure of ${target.record.id}`,
    serviceName: options.serviceName,
    text: escapeMarkdown(target.record.text),
    current: [{ title: 'Status now', value: statusName(target) }],
    guidance: isExternalTarget(target)
      ? 'Give at least one https link to the evidence, and say how the body has met the recommendation. An HM Inspector will be asked to agree, then the Senior Responsible Officer to close it.'
      : isRecommendation
        ? 'Give at least one https link to the evidence, and say how you validated the improvement. The Chief of Staff, then the HM Inspector, will be asked to approve.'
        : 'Evidence links and a note are optional for an area for improvement. The Chief of Staff will be asked to close it.',
    errors: {
      evidenceLinks: errors.evidenceLinks ?? '',
      validationNote: errors.validationNote ?? '',
    },
    links: Array.from({ length: maxClosureEvidenceLinks }, (_, index) => ({
      id: closureLinkInputId(index + 1),
      label: `Evidence link ${String(index + 1)} (https)`,
      value: values.links[index] ?? '',
      error: errors[closureLinkInputId(index + 1)] ?? '',
    })),
    noteLabel: isRecommendation
      ? 'How you validated the improvement'
      : 'Note for the Chief of Staff (optional)',
    values: { validationNote: values.validationNote },
    subjectId: target.record.id,
    cocId: target.kind === 'recommendation' ? (target.record.cocId ?? '') : '',
  });
}

function stepValue(view: ClosureCardView, stepView: ClosureStepView): string {
  const { step } = stepView;
  if (step.decision !== undefined) {
    const behalf = stepView.onBehalfOfName ? ` on behalf of ${stepView.onBehalfOfName}` : '';
    const when = step.at ? ` at ${formatChangeTime(step.at)}` : '';
    const reason = step.reason ? `: ${escapeMarkdown(step.reason)}` : '';
    const verb = step.decision === 'approved' ? 'Approved' : 'Rejected';
    return `${verb} by ${stepView.byName ?? 'someone'}${behalf}${when}${reason}`;
  }
  const approver = view.approver;
  if (approver?.step === step.role) {
    const standIn = approver.standingInFor ? ` (standing in for ${approver.standingInFor.name})` : '';
    return `Waiting for ${approver.person.name}${standIn}`;
  }
  if (view.request.status === 'pendingHmi' && step.role === 'sro') return 'After the HM Inspector';
  return view.request.status === 'pendingCos' ? 'After the Chief of Staff' : 'Not needed now';
}

function statusLine(view: ClosureCardView): string {
  const { request, target } = view;
  switch (request.status) {
    case 'pendingCos':
      return 'Waiting for the Chief of Staff';
    case 'pendingHmi':
      return isExternalTarget(target)
        ? 'Waiting for an HM Inspector to agree'
        : 'Closure recommended by the Chief of Staff; waiting for the HM Inspector';
    case 'pendingSro':
      return 'An HM Inspector agreed; waiting for the Senior Responsible Officer to close it';
    case 'approved':
      return target.kind === 'recommendation'
        ? 'Signed off: the recommendation is closed'
        : 'Closed by the Chief of Staff';
    case 'rejected':
      return target.kind === 'recommendation'
        ? 'Closure rejected: the recommendation is back in progress'
        : 'Closure rejected: the area for improvement is open again';
    case 'withdrawn':
      return isExternalTarget(target)
        ? 'Withdrawn by the deputy portfolio director'
        : 'Withdrawn by the Service Liaison Lead';
  }
}

/** How the card is drawn: for whom, with what message, and with the reason the approver typed. */
export interface ClosureCardOptions {
  notice?: Notice;
  /** Show Approve and Reject (defaults to whether the viewer may decide). */
  actionable?: boolean;
  /** Leave out the automatic refresh (the channel's read-only card). */
  withoutRefresh?: boolean;
  reason?: string;
  reasonError?: string;
}

/** The closure card: the record, evidence, validation note and approvals, with buttons for the approver. */
export function renderClosureCard(view: ClosureCardView, options: ClosureCardOptions = {}): AdaptiveCardJson {
  const { request, target } = view;
  const step = view.approver?.step ?? '';
  const actionable = (options.actionable ?? view.canDecide) && step !== '';
  const card = renderCard('closure-card', {
    notice: options.notice ? escapeMarkdown(options.notice.text) : '',
    noticeStyle: options.notice?.tone ?? 'default',
    heading: `Closure request: ${target.record.id}`,
    serviceName: view.cocTitle
      ? `${view.serviceName} · ${request.cocId ?? ''}: ${escapeMarkdown(view.cocTitle)}`
      : view.serviceName,
    status: statusLine(view),
    subjectTitle: subjectTitle(target),
    subjectText: escapeMarkdown(target.record.text),
    facts: [
      { title: 'Requested by', value: view.requestedByName },
      { title: 'Requested', value: formatChangeTime(request.requestedAt) },
      { title: 'Status of the record', value: statusName(target) },
    ],
    evidence: request.evidenceLinks.map((link) => ({ link: escapeMarkdown(link) })),
    validationNote:
      request.validationNote === '' ? 'No note was given.' : escapeMarkdown(request.validationNote),
    steps: view.steps.map((s) => ({ title: roleNames[s.step.role], value: stepValue(view, s) })),
    canDecide: actionable,
    approveTitle: approveTitleOf(step, target),
    reason: options.reason ?? '',
    reasonError: options.reasonError ?? '',
    serviceCode: request.serviceCode,
    requestId: request.id,
    step,
    cocId: request.cocId ?? '',
    refreshUserIds: options.withoutRefresh ? [] : view.refreshUserIds,
  });
  // A card without a refresh must not carry `refresh: null` (the template drops it to null).
  if (card.refresh === null || card.refresh === undefined) delete card.refresh;
  return card;
}

/** The approve button's words for the waiting step. */
function approveTitleOf(step: string, target: ClosureTarget): string {
  if (isExternalTarget(target)) return step === 'sro' ? 'Close' : 'Agree';
  return step === 'hmi' ? 'Sign off' : target.kind === 'afi' ? 'Close' : 'Approve';
}

/** The drafted closure letter, for the SLL to check and send. */
export function renderClosureLetterCard(
  coc: CauseOfConcern,
  letter: string,
  serviceName: string,
): AdaptiveCardJson {
  return renderCard('closure-letter', {
    heading: `Closure letter for ${coc.id}`,
    introduction: `Every recommendation of ${coc.id} is signed off, so the cause of concern closed on ${coc.closedAt ? formatLongDate(toLondonDate(coc.closedAt)) : 'today'}. Here is a draft of the closure letter to the chief fire officer and the chair of the fire and rescue authority of ${serviceName}. Check it, then send it. It is kept with the cause of concern.`,
    paragraphs: letter.split(/\n{2,}/).map((text) => ({ text: escapeMarkdown(text) })),
    cocId: coc.id,
  });
}

/** Confirms a delegation. */
export function renderDelegationCard(saved: DelegationSaved): AdaptiveCardJson {
  const { delegation, from, to } = saved;
  const role = roleNames[delegation.role];
  return renderCard('delegation-set', {
    heading: 'Stand-in saved',
    message: `${to.name} will get ${from.name}'s approval cards as ${role} and decide on their behalf; the history will say so.`,
    facts: [
      { title: 'Role', value: role },
      { title: 'For', value: from.name },
      { title: 'Stand-in', value: to.name },
      { title: 'From', value: formatLongDate(delegation.startDate) },
      { title: 'To', value: formatLongDate(delegation.endDate) },
    ],
  });
}
