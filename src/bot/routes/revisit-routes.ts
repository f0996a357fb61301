/**
 * Revisits in Teams (§17-21): `revisit <CoC id>` and the CoC card's "Propose a revisit" open the
 * proposal form; its submit proposes the revisit; the approver's Endorse / Approve / Refuse decide
 * a step; `show <revisit id>` and the cards' buttons open a revisit; "Record findings" opens the
 * findings form and its save drafts the HM Inspector's letter; the revisit card records when the
 * letter was sent and published. What each answers is src/app/revisits/revisit-answers.ts; what
 * follows (approval cards, news, the letter draft) goes out after the answer (notify-revisit.ts).
 */
import { z } from 'zod';
import {
  decideRevisitAnswer,
  findingsForm,
  proposeRevisitAnswer,
  recordFindingsAnswer,
  recordLetterAnswer,
  revisitCard,
  revisitLetter,
  revisitProposalForm,
  type RevisitDecidedAnswer,
} from '../../app/revisits/revisit-answers';
import { renderNoticeCard } from '../../views/records/record-cards';
import { renderRevisitAnswer } from '../../views/revisits/revisit-answer';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';
import { typedOrEmpty as text } from './form-inputs';

const CocData = z.object({ cocId: z.string().min(1).max(40) });
const ProposeData = CocData.extend({
  formId: z.string().min(1).max(100),
  firstDay: text,
  lastDay: text,
  purpose: text,
  team: text,
});
const RevisitData = z.object({ revisitId: z.string().min(1).max(40) });
const DecideData = RevisitData.extend({
  step: z.enum(['cos', 'hmi']),
  decision: z.enum(['approve', 'refuse']),
  reason: z.string().max(2000).optional(),
});
const maxFindingRows = 30;
const FindingsData = RevisitData.extend({
  updatedAt: z.string().max(40).optional(),
  recommendationIds: z.array(z.string().min(1).max(40)).max(maxFindingRows).default([]),
  initialFindingsDate: text,
  nextSteps: text,
}).catchall(z.unknown());
const LetterData = RevisitData.extend({
  updatedAt: z.string().max(40).optional(),
  sentDate: text,
  publishedDate: text,
});

const revisitUsage = 'Type revisit and the id of a cause of concern, for example: revisit BUC-1.';
const revisitIdPattern = /^show\s+([A-Za-z]{2,5}-\d+-[Rr]\d+)\s*$/;

const draw = async (answer: Promise<RevisitDecidedAnswer>) => renderRevisitAnswer(await answer);

/** Registers the revisit commands and card verbs (before the record routes: `show BUC-1-R1`). */
export function registerRevisitRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^revisit(?:\s+(\S+))?\s*$/i,
    read: ([, id]) =>
      id === undefined ? usage(renderNoticeCard('Which cause of concern?', revisitUsage)) : withArgs(id),
    handle: async ({ person }, cocId) =>
      renderRevisitAnswer(await revisitProposalForm(tools.app, person, cocId)),
  });

  onCommand(app, tools, {
    pattern: revisitIdPattern,
    read: ([, id]) => withArgs(id ?? ''),
    handle: async ({ person }, id) => renderRevisitAnswer(await revisitCard(tools.app, person, id)),
  });

  onCardAction(app, tools, {
    verb: 'openRevisitForm',
    data: CocData,
    handle: ({ person }, { cocId }) => draw(revisitProposalForm(tools.app, person, cocId)),
  });

  onCardAction(app, tools, {
    verb: 'proposeRevisit',
    data: ProposeData,
    handle: ({ person }, data) => draw(proposeRevisitAnswer(tools.app, person, data)),
  });

  onCardAction(app, tools, {
    verb: ['showRevisit', 'refreshRevisit'],
    data: RevisitData,
    handle: ({ person }, { revisitId }) => draw(revisitCard(tools.app, person, revisitId)),
  });

  onCardAction(app, tools, {
    verb: 'decideRevisit',
    data: DecideData,
    handle: ({ person }, data) => draw(decideRevisitAnswer(tools.app, person, data)),
  });

  onCardAction(app, tools, {
    verb: 'openRevisitFindingsForm',
    data: RevisitData,
    handle: ({ person }, { revisitId }) => draw(findingsForm(tools.app, person, revisitId)),
  });

  onCardAction(app, tools, {
    verb: 'recordRevisitFindings',
    data: FindingsData,
    handle: ({ person }, data) => draw(recordFindingsAnswer(tools.app, person, { ...data, inputs: data })),
  });

  onCardAction(app, tools, {
    verb: 'recordRevisitLetter',
    data: LetterData,
    handle: ({ person }, data) => draw(recordLetterAnswer(tools.app, person, data)),
  });

  onCardAction(app, tools, {
    verb: 'showRevisitLetter',
    data: RevisitData,
    handle: ({ person }, { revisitId }) => draw(revisitLetter(tools.app, person, revisitId)),
  });
}
