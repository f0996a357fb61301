/**
 * The closure chain in Teams: `close <id>` and the CoC card's "Request closure" open the form; its
 * submit raises the request; the approver's Approve / Sign off / Reject decide a step; Teams'
 * automatic refresh redraws the card for whoever looks; `approvals` lists what waits for the
 * caller; `delegate` names a stand-in for leave cover. The approval card, the channel's status card
 * and the news for the SLL go out after the answer (src/app/closure/notify-closure.ts).
 */
import { z } from 'zod';
import {
  approvalsWaiting,
  closureCard,
  closureForm,
  decideClosureAnswer,
  raiseClosureAnswer,
} from '../../app/closure/closure-answers';
import { delegateRole, type DelegateInput } from '../../app/closure/delegate-role';
import { renderApprovalsAnswer, renderClosureAnswer } from '../../views/closure/closure-answer';
import { renderDelegationCard } from '../../views/closure/closure-cards';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { BotApplication } from '../create-bot';
import { evidenceLinkInputs, linksTyped, typedText } from './form-inputs';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';

const text = typedText;
const OpenFormData = z.object({ subjectId: z.string().min(1).max(40) });
const SubmitData = OpenFormData.extend({ validationNote: text, ...evidenceLinkInputs });
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
        : renderClosureAnswer(await closureForm(tools.app, person, id)),
  });

  onCommand(app, tools, {
    pattern: /^approvals\s*$/i,
    read: () => withArgs(true),
    handle: async ({ person }) => renderApprovalsAnswer(await approvalsWaiting(tools.app, person)),
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
    handle: async ({ person }, { subjectId }) =>
      renderClosureAnswer(await closureForm(tools.app, person, subjectId)),
  });

  onCardAction(app, tools, {
    verb: 'submitClosureRequest',
    data: SubmitData,
    handle: async ({ person }, data) => {
      const { subjectId, validationNote = '' } = data;
      const input = { subjectId, links: linksTyped(data), validationNote };
      return renderClosureAnswer(await raiseClosureAnswer(tools.app, person, input));
    },
  });

  onCardAction(app, tools, {
    verb: 'decideClosure',
    data: DecideData,
    handle: async ({ person }, data) =>
      renderClosureAnswer(await decideClosureAnswer(tools.app, person, data)),
  });

  onCardAction(app, tools, {
    verb: 'refreshClosure',
    data: RequestData,
    handle: async ({ person }, data) => renderClosureAnswer(await closureCard(tools.app, person, data)),
  });
}
