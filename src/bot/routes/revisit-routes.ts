/**
 * Revisits in Teams (§17-21): `revisit <CoC id>` and the CoC card's "Propose a revisit" open the
 * proposal form; its submit proposes the revisit; the approver's Endorse / Approve / Refuse decide
 * a step; `show <revisit id>` and the cards' buttons open a revisit; "Record findings" opens the
 * findings form and its save drafts the HM Inspector's letter; the revisit card records when the
 * letter was sent and published. What follows (approval cards, news, the letter draft) goes out
 * after the answer (src/app/revisits/notify-revisit.ts).
 */
import { z } from 'zod';
import { approverSentence } from '../../app/closure/closure-approvers';
import { decideRevisitStep } from '../../app/revisits/decide-revisit';
import { prepareRevisitForm, proposeRevisitOf } from '../../app/revisits/propose-revisit';
import {
  findingInputIds,
  prepareFindingsForm,
  recordFindings,
  type FindingEntry,
} from '../../app/revisits/record-revisit-findings';
import { recordRevisitLetter } from '../../app/revisits/record-revisit-letter';
import { loadRevisitView, revisitViewFor } from '../../app/revisits/show-revisit';
import type { Notice } from '../../app/shared/notifier';
import type { DomainError } from '../../domain/errors';
import type { Person } from '../../domain/records';
import { renderNoticeCard } from '../../views/records/record-cards';
import {
  fieldSentence,
  renderRevisitCard,
  renderRevisitFindingsForm,
  renderRevisitForm,
  renderRevisitLetterCard,
  type RevisitCardOptions,
  type RevisitFormValues,
} from '../../views/revisits/revisit-cards';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';
import { typedText } from './form-inputs';

const text = typedText;
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

/** The messages of a refused save, by field. */
function errorsOf(error: DomainError, sentence = fieldSentence): Record<string, string> {
  if (error.code !== 'validation') return {};
  return Object.fromEntries(error.issues.map((issue) => [issue.field, sentence(issue.field, issue.message)]));
}

/** The proposal form for the CoC, or the notice saying why not. */
async function proposalFormFor(
  tools: RouteTools,
  person: Person,
  cocId: string,
  values: RevisitFormValues = { firstDay: '', lastDay: '', purpose: '', team: '' },
  formId = tools.app.newId(),
  error?: DomainError,
): Promise<AdaptiveCardJson> {
  const prepared = await prepareRevisitForm(tools.app, person, cocId);
  if (!prepared.ok)
    return renderNoticeCard(`Can't propose a revisit of ${cocId.toUpperCase()}`, prepared.error.reason);
  if (error && error.code !== 'validation')
    return renderNoticeCard(
      `Revisit of ${prepared.value.coc.id} not proposed`,
      error.reason,
      prepared.value.coc.id,
    );
  return renderRevisitForm({
    subject: prepared.value,
    formId,
    values,
    ...(error ? { errors: errorsOf(error), notice: `Nothing was proposed. ${error.reason}` } : {}),
  });
}

/** The revisit card for this person, or a notice if they may not see it. */
async function revisitCardFor(
  tools: RouteTools,
  person: Person,
  revisitId: string,
  options: RevisitCardOptions = {},
): Promise<AdaptiveCardJson> {
  const view = await loadRevisitView(tools.app, person, revisitId);
  if (view.ok) return renderRevisitCard(view.value, options);
  if (options.notice) return renderNoticeCard('Nothing was saved', options.notice.text);
  return renderNoticeCard(`Can't show ${revisitId.toUpperCase()}`, view.error.reason);
}

/** The findings form, or why it can't open. */
async function findingsFormFor(
  tools: RouteTools,
  person: Person,
  revisitId: string,
  typed?: { data: z.infer<typeof FindingsData>; error: DomainError },
): Promise<AdaptiveCardJson> {
  const prepared = await prepareFindingsForm(tools.app, person, revisitId);
  if (!prepared.ok)
    return renderNoticeCard(`Can't record the findings of ${revisitId.toUpperCase()}`, prepared.error.reason);
  const { record, recommendations, partition } = prepared.value;
  const serviceName = (await tools.app.store.directory.getService(partition))?.name ?? partition;
  const live = recommendations.map((r) => r.value).filter((r) => r.withdrawn === undefined);
  if (typed && typed.error.code !== 'validation')
    return renderNoticeCard('Findings not saved', typed.error.reason, record.value.cocId);
  return renderRevisitFindingsForm({
    revisit: record.value,
    serviceName,
    recommendations: live,
    ...(typed
      ? {
          values: {
            initialFindingsDate: typed.data.initialFindingsDate ?? '',
            nextSteps: typed.data.nextSteps ?? '',
            rows: live.map((_, index) => ({
              finding: stringAt(typed.data, findingInputIds(index + 1).text),
              rag: stringAt(typed.data, findingInputIds(index + 1).rag),
            })),
          },
          errors: errorsOf(typed.error, (field, message) =>
            /^(finding|rag)\d+$/.test(field)
              ? `${field.startsWith('rag') ? 'RAG' : 'The finding'} ${message}.`
              : fieldSentence(field, message),
          ),
          notice: `Nothing was saved. ${typed.error.reason}`,
        }
      : {}),
  });
}

function stringAt(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value.slice(0, 4000) : '';
}

function decidedNotice(status: string, id: string): Notice {
  switch (status) {
    case 'pendingHmi':
      return { text: `Endorsed: ${id} goes to the HM Inspector to approve.`, tone: 'good' };
    case 'approved':
      return { text: `Approved: ${id} is now a date the reminders know.`, tone: 'good' };
    default:
      return { text: `Refused: ${id} goes back to whoever proposed it with your reason.`, tone: 'good' };
  }
}

/** Registers the revisit commands and card verbs (before the record routes: `show BUC-1-R1`). */
export function registerRevisitRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^revisit(?:\s+(\S+))?\s*$/i,
    read: ([, id]) =>
      id === undefined ? usage(renderNoticeCard('Which cause of concern?', revisitUsage)) : withArgs(id),
    handle: ({ person }, cocId) => proposalFormFor(tools, person, cocId),
  });

  onCommand(app, tools, {
    pattern: revisitIdPattern,
    read: ([, id]) => withArgs(id ?? ''),
    handle: ({ person }, id) => revisitCardFor(tools, person, id),
  });

  onCardAction(app, tools, {
    verb: 'openRevisitForm',
    data: CocData,
    handle: ({ person }, { cocId }) => proposalFormFor(tools, person, cocId),
  });

  onCardAction(app, tools, {
    verb: 'proposeRevisit',
    data: ProposeData,
    handle: async ({ person }, data) => {
      const values = {
        firstDay: data.firstDay ?? '',
        lastDay: data.lastDay ?? '',
        purpose: data.purpose ?? '',
        team: data.team ?? '',
      };
      const proposed = await proposeRevisitOf(tools.app, person, {
        cocId: data.cocId,
        formId: data.formId,
        ...values,
      });
      if (!proposed.ok)
        return proposalFormFor(tools, person, data.cocId, values, data.formId, proposed.error);
      const { facts, isNew } = proposed.value;
      const view = await revisitViewFor(tools.app, person, facts);
      const approver = view.ok ? (view.value.approver ?? null) : null;
      const notice: Notice = {
        text: isNew
          ? `Revisit ${facts.revisit.id} proposed. ${approverSentence(approver)}`
          : `You already proposed this revisit: ${facts.revisit.id}.`,
        tone: !isNew || approver?.reachable ? 'good' : 'attention',
      };
      return view.ok
        ? renderRevisitCard(view.value, { notice })
        : renderNoticeCard(`Revisit ${facts.revisit.id}`, notice.text);
    },
  });

  onCardAction(app, tools, {
    verb: ['showRevisit', 'refreshRevisit'],
    data: RevisitData,
    handle: ({ person }, { revisitId }) => revisitCardFor(tools, person, revisitId),
  });

  onCardAction(app, tools, {
    verb: 'decideRevisit',
    data: DecideData,
    handle: async ({ person }, data) => {
      const decided = await decideRevisitStep(tools.app, person, data);
      if (!decided.ok) {
        const options: RevisitCardOptions =
          decided.error.code === 'validation'
            ? {
                notice: {
                  text: 'Nothing was saved. Give a reason to refuse the revisit.',
                  tone: 'attention',
                },
                reason: data.reason ?? '',
                reasonError: 'Reason is required to refuse.',
              }
            : { notice: { text: decided.error.reason, tone: 'attention' } };
        return revisitCardFor(tools, person, data.revisitId, options);
      }
      const mine = await revisitViewFor(tools.app, person, decided.value);
      if (!mine.ok) return renderNoticeCard('Saved', 'Your decision is saved.');
      const notice = decidedNotice(decided.value.revisit.status, decided.value.revisit.id);
      return {
        card: renderRevisitCard(mine.value, { notice, actionable: false }),
        forEveryone: renderRevisitCard({ ...mine.value, canDecide: false }, { actionable: false }),
      };
    },
  });

  onCardAction(app, tools, {
    verb: 'openRevisitFindingsForm',
    data: RevisitData,
    handle: ({ person }, { revisitId }) => findingsFormFor(tools, person, revisitId),
  });

  onCardAction(app, tools, {
    verb: 'recordRevisitFindings',
    data: FindingsData,
    handle: async ({ person }, data) => {
      const entries: FindingEntry[] = data.recommendationIds.map((recommendationId, index) => ({
        recommendationId,
        text: stringAt(data, findingInputIds(index + 1).text),
        rag: stringAt(data, findingInputIds(index + 1).rag),
      }));
      const recorded = await recordFindings(tools.app, person, {
        revisitId: data.revisitId,
        updatedAt: data.updatedAt,
        initialFindingsDate: data.initialFindingsDate ?? '',
        nextSteps: data.nextSteps ?? '',
        entries,
      });
      if (!recorded.ok)
        return findingsFormFor(tools, person, data.revisitId, { data, error: recorded.error });
      const view = await revisitViewFor(tools.app, person, recorded.value);
      const count = recorded.value.revisit.findings.length;
      const notice: Notice = {
        text: `Findings saved: ${String(count)} ${count === 1 ? 'finding' : 'findings'} added to the recommendations' progress. The letter has been drafted for the HM Inspector.`,
        tone: 'good',
      };
      return view.ok
        ? renderRevisitCard(view.value, { notice })
        : renderNoticeCard('Findings saved', notice.text);
    },
  });

  onCardAction(app, tools, {
    verb: 'recordRevisitLetter',
    data: LetterData,
    handle: async ({ person }, data) => {
      const letterValues = { sentDate: data.sentDate ?? '', publishedDate: data.publishedDate ?? '' };
      const recorded = await recordRevisitLetter(tools.app, person, { ...data, ...letterValues });
      if (!recorded.ok)
        return revisitCardFor(tools, person, data.revisitId, {
          notice: { text: `Nothing was saved. ${recorded.error.reason}`, tone: 'attention' },
          letterValues,
          letterErrors: errorsOf(recorded.error),
        });
      const view = await revisitViewFor(tools.app, person, recorded.value);
      const notice: Notice = { text: 'Saved: the letter’s dates are recorded.', tone: 'good' };
      return view.ok ? renderRevisitCard(view.value, { notice }) : renderNoticeCard('Saved', notice.text);
    },
  });

  onCardAction(app, tools, {
    verb: 'showRevisitLetter',
    data: RevisitData,
    handle: async ({ person }, { revisitId }) => {
      const view = await loadRevisitView(tools.app, person, revisitId);
      if (!view.ok) return renderNoticeCard(`Can't show ${revisitId}`, view.error.reason);
      if (view.value.revisit.letter === undefined)
        return renderNoticeCard(
          'No letter yet',
          `${revisitId} has no letter yet: its findings are not recorded.`,
        );
      return renderRevisitLetterCard(view.value.revisit, view.value.serviceName);
    },
  });
}
