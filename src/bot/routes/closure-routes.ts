/**
 * The closure chain in Teams: `close <id>` and the CoC card's "Request closure" open the form; its
 * submit raises the request; the approver's Approve / Sign off / Reject decide a step; Teams'
 * automatic refresh redraws the card for whoever looks; `approvals` lists what waits for the
 * caller; `delegate` names a stand-in for leave cover. The approval card, the channel's status card
 * and the news for the SLL go out after the answer (src/app/closure/notify-closure.ts).
 */
import { z } from 'zod';
import { approverSentence, pendingApproverOf } from '../../app/closure/closure-approvers';
import { decideClosure } from '../../app/closure/decide-closure';
import { delegateRole, type DelegateInput } from '../../app/closure/delegate-role';
import { prepareClosureRequest, raiseClosureRequest } from '../../app/closure/raise-closure';
import {
  closureViewFor,
  listApprovalsFor,
  loadClosureView,
  type ClosureCardView,
} from '../../app/closure/show-closure';
import type { Notice } from '../../app/shared/notifier';
import { listRevisitApprovalsFor } from '../../app/revisits/show-revisit';
import { renderRevisitCard } from '../../views/revisits/revisit-cards';
import type { DomainError } from '../../domain/errors';
import { cocIdOfRecommendation } from '../../domain/ids';
import type { Person } from '../../domain/records';
import {
  closureLinkInputId,
  renderClosureCard,
  renderClosureForm,
  renderDelegationCard,
  type ClosureCardOptions,
} from '../../views/closure/closure-cards';
import { fieldMessages } from '../../views/records/recommendation-forms';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import { evidenceLinkInputs, linksTyped, typedText } from './form-inputs';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';

const text = typedText;
const OpenFormData = z.object({ subjectId: z.string().min(1).max(40) });
const SubmitData = OpenFormData.extend({ validationNote: text, ...evidenceLinkInputs });
type SubmitData = z.infer<typeof SubmitData>;
const RequestData = z.object({
  serviceCode: z.string().min(1).max(10),
  requestId: z.string().min(1).max(100),
});
const DecideData = RequestData.extend({
  step: z.enum(['cos', 'hmi', 'sro']),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().max(2000).optional(),
});

const delegateCommand =
  /^delegate\s+(cos|hmi)\s+(?:for\s+(.+?)\s+)?to\s+(.+?)\s+from\s+(.+?)\s+to\s+(.+?)\s*$/i;
const delegateUsage =
  'Type, for example: delegate cos to Robin Clarke from 1 December 2026 to 18 December 2026. An administrator adds whose role it is: delegate hmi for Alex Carter to Jamie Foster from 2026-12-01 to 2026-12-18.';

/** Reads `delegate <cos|hmi> [for <person>] to <person> from <date> to <date>`; null when it does not fit. */
export function parseDelegateCommand(command: string): DelegateInput | null {
  const match = delegateCommand.exec(command.trim());
  if (!match) return null;
  const [, role = '', forText, toText = '', startText = '', endText = ''] = match;
  const input: DelegateInput = {
    role: role.toLowerCase() === 'hmi' ? 'hmi' : 'cos',
    toText,
    startText,
    endText,
  };
  if (forText !== undefined) input.forText = forText;
  return input;
}

/** The form for `close <id>` or the button, or the notice saying why not. */
async function closureFormFor(
  tools: RouteTools,
  person: Person,
  subjectId: string,
): Promise<AdaptiveCardJson> {
  const prepared = await prepareClosureRequest(tools.app, person, subjectId);
  if (!prepared.ok) return renderNoticeCard(`Can't request closure of ${subjectId}`, prepared.error.reason);
  return renderClosureForm({ ...prepared.value, values: { links: [], validationNote: '' } });
}

/** A failed submit: the same form with the person's values and messages, or a notice. */
async function submitFailure(
  tools: RouteTools,
  person: Person,
  data: SubmitData,
  error: DomainError,
): Promise<AdaptiveCardJson> {
  const prepared = await prepareClosureRequest(tools.app, person, data.subjectId);
  if (error.code !== 'validation' || !prepared.ok) {
    return renderNoticeCard(
      `Can't request closure of ${data.subjectId}`,
      error.reason,
      cocIdOfRecommendation(data.subjectId) ?? '',
    );
  }
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldMessages(error.issues))) {
    const linkInput = /^link(\d+)$/.exec(field);
    errors[linkInput ? closureLinkInputId(Number(linkInput[1])) : field] = message
      .replace(/^evidenceLinks /, 'Evidence links ')
      .replace(/^validationNote /, 'How you validated the improvement ');
  }
  const values = { links: linksTyped(data), validationNote: data.validationNote ?? '' };
  return renderClosureForm({
    ...prepared.value,
    values,
    errors,
    notice: `Nothing was sent. ${error.reason}`,
  });
}

/** The closure card for this person, or a notice if they may not see it. */
async function closureCardFor(
  tools: RouteTools,
  person: Person,
  request: { serviceCode: string; requestId: string },
  options: ClosureCardOptions = {},
): Promise<AdaptiveCardJson> {
  const view = await loadClosureView(tools.app, person, request.serviceCode, request.requestId);
  if (view.ok) return renderClosureCard(view.value, options);
  // With a notice, a decision was refused: say that, and its reason once (the card can't be shown).
  if (options.notice) return renderNoticeCard('Closure not decided', options.notice.text);
  return renderNoticeCard("Can't show this closure request", view.error.reason);
}

/** What the HMI or SRO reads after deciding on a recommendation to an external body. */
function externalDecidedNotice(view: ClosureCardView): Notice {
  const id = view.request.subject.id;
  switch (view.request.status) {
    case 'pendingSro':
      return { text: `Agreed: ${id} goes to the senior responsible owner to close.`, tone: 'good' };
    case 'approved':
      return { text: `Closed: ${id}.`, tone: 'good' };
    case 'rejected':
      return {
        text: `Rejected: ${id} goes back to the deputy portfolio director with your reason.`,
        tone: 'good',
      };
    default:
      return { text: 'Saved.', tone: 'good' };
  }
}

function decidedNotice(view: ClosureCardView): Notice {
  const id = view.request.subject.id;
  const external = view.request.cocId === undefined && view.request.subject.kind === 'recommendation';
  if (external) return externalDecidedNotice(view);
  switch (view.request.status) {
    case 'pendingHmi':
      return { text: `Approved: ${id} goes to the HM Inspector to sign off.`, tone: 'good' };
    case 'approved':
      return {
        text:
          view.request.subject.kind === 'recommendation' ? `Signed off: ${id} is closed.` : `Closed: ${id}.`,
        tone: 'good',
      };
    case 'rejected':
      return {
        text: `Rejected: ${id} goes back to the Service Liaison Lead with your reason.`,
        tone: 'good',
      };
    default:
      return { text: 'Saved.', tone: 'good' };
  }
}

/** Registers `close`, `approvals`, `delegate` and the closure card verbs. */
export function registerClosureRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^close(?:\s+(\S+))?\s*$/i,
    read: ([, id]) => withArgs(id ?? ''),
    handle: async ({ person }, id) =>
      id === ''
        ? renderNoticeCard(
            'Which record?',
            'Type close and an id, for example: close BUC-1.2 or close HWF-AFI-2.',
          )
        : closureFormFor(tools, person, id),
  });

  onCommand(app, tools, {
    pattern: /^approvals\s*$/i,
    read: () => withArgs(true),
    handle: async ({ person }) => {
      const views = await listApprovalsFor(tools.app, person);
      // Revisits wait on the same Chief of Staff and HM Inspector steps (§20).
      const revisits = await listRevisitApprovalsFor(tools.app, person);
      if (views.length === 0 && revisits.length === 0)
        return renderNoticeCard(
          'Nothing waiting',
          'No closure request or revisit is waiting for your decision.',
        );
      return [
        ...views.map((view) => renderClosureCard(view)),
        ...revisits.map((view) => renderRevisitCard(view)),
      ];
    },
  });

  onCommand(app, tools, {
    pattern: /^delegate\b/i,
    read: (match) => {
      const input = parseDelegateCommand(match.input);
      return input ? withArgs(input) : usage(renderNoticeCard('How to name a stand-in', delegateUsage));
    },
    handle: async ({ person }, input) => {
      const saved = await delegateRole(tools.app, person, input);
      return saved.ok
        ? renderDelegationCard(saved.value)
        : renderNoticeCard('Stand-in not saved', saved.error.reason);
    },
  });

  onCardAction(app, tools, {
    verb: 'openClosureForm',
    data: OpenFormData,
    handle: ({ person }, { subjectId }) => closureFormFor(tools, person, subjectId),
  });

  onCardAction(app, tools, {
    verb: 'submitClosureRequest',
    data: SubmitData,
    handle: async ({ person }, data) => {
      const input = {
        subjectId: data.subjectId,
        links: linksTyped(data),
        validationNote: data.validationNote ?? '',
      };
      const raised = await raiseClosureRequest(tools.app, person, input);
      if (!raised.ok) return submitFailure(tools, person, data, raised.error);
      const { request, facts } = raised.value;
      const view = await closureViewFor(tools.app, person, facts);
      // The card's view already knows who decides next: the notice says it from there.
      const approver = view.ok
        ? (view.value.approver ?? null)
        : await pendingApproverOf(tools.app, request, facts.owners);
      const notice: Notice = {
        text: `Closure of ${request.subject.id} requested. ${approverSentence(approver)}`,
        tone: approver?.reachable ? 'good' : 'attention',
      };
      return view.ok
        ? renderClosureCard(view.value, { notice })
        : renderNoticeCard("Can't show this closure request", `${notice.text} ${view.error.reason}`);
    },
  });

  onCardAction(app, tools, {
    verb: 'decideClosure',
    data: DecideData,
    handle: async ({ person }, data) => {
      const decided = await decideClosure(tools.app, person, data);
      if (!decided.ok) {
        const options: ClosureCardOptions =
          decided.error.code === 'validation'
            ? {
                notice: {
                  text: 'Nothing was saved. Give a reason to reject the closure.',
                  tone: 'attention',
                },
                reason: data.reason ?? '',
                reasonError: 'Reason is required to reject.',
              }
            : { notice: { text: decided.error.reason, tone: 'attention' } };
        return closureCardFor(tools, person, data, options);
      }
      // Drawn from the decision as saved: the card everyone sees differs from the decider's only by
      // the notice, and neither offers buttons any more (the step is decided).
      const mine = await closureViewFor(tools.app, person, decided.value.facts);
      if (!mine.ok) return renderNoticeCard('Saved', 'Your decision is saved.');
      const card = renderClosureCard(mine.value, { notice: decidedNotice(mine.value), actionable: false });
      return {
        card,
        forEveryone: renderClosureCard({ ...mine.value, canDecide: false }, { actionable: false }),
      };
    },
  });

  onCardAction(app, tools, {
    verb: 'refreshClosure',
    data: RequestData,
    handle: ({ person }, data) => closureCardFor(tools, person, data),
  });
}
