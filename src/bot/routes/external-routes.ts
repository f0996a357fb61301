/**
 * Recommendations to external bodies (§31-32) in Teams: `new external` opens the form and its
 * submit adds one (a form submitted twice adds one); `external` lists them; `show EXT-1` (and the
 * list's lines, `showExternal`) opens one, where the deputy portfolio director records progress
 * (`recordExternalProgress`) and asks for it to be closed (the closure chain's own form and cards).
 */
import { z } from 'zod';
import {
  addExternalRecommendation,
  checkMayAddExternal,
} from '../../app/external/add-external-recommendation';
import { recordProgressOnExternal } from '../../app/external/record-external-progress';
import { hmiChoices, listExternal, loadExternalView } from '../../app/external/show-external';
import type { Notice } from '../../app/shared/notifier';
import type { Person } from '../../domain/records';
import {
  renderExternalCard,
  renderExternalForm,
  renderExternalList,
  type ExternalFormValues,
  type ExternalProgressTyped,
} from '../../views/external/external-cards';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, withArgs, type RouteTools } from '../gate';

const typed = z
  .string()
  .max(20_000)
  .nullish()
  .transform((value) => value ?? '');

const AddData = z.object({
  formId: z.string().min(1).max(100),
  externalBody: typed,
  text: typed,
  targetDate: typed,
  connectedCocId: typed,
  hmi: typed,
});
const ShowData = z.object({ id: z.string().min(1).max(40) });
const ProgressData = ShowData.extend({
  updatedAt: z.string().max(100).optional(),
  progressText: typed,
  rag: typed,
  status: typed,
});

/** The card of one external recommendation for this person, or why not. */
export async function externalCardFor(
  tools: RouteTools,
  person: Person,
  id: string,
  options: { notice?: Notice; typed?: ExternalProgressTyped } = {},
): Promise<AdaptiveCardJson> {
  const view = await loadExternalView(tools.app, person, id);
  return view.ok
    ? renderExternalCard(view.value, options)
    : renderNoticeCard(`Can't show ${id}`, view.error.reason);
}

async function blankForm(tools: RouteTools, person: Person): Promise<AdaptiveCardJson> {
  const allowed = await checkMayAddExternal(tools.app, person);
  if (!allowed.ok)
    return renderNoticeCard("Can't add a recommendation to an external body", allowed.error.reason);
  const values: ExternalFormValues = {
    formId: tools.app.newId(),
    externalBody: '',
    text: '',
    targetDate: '',
    connectedCocId: '',
    hmi: '',
  };
  return renderExternalForm(values, await hmiChoices(tools.app));
}

/** Registers `new external`, `external` and the external-recommendation card's verbs. */
export function registerExternalRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^new\s+external\s*$/i,
    read: () => withArgs(true),
    handle: ({ person }) => blankForm(tools, person),
  });

  onCommand(app, tools, {
    pattern: /^external\s*$/i,
    read: () => withArgs(true),
    handle: async ({ person }) => {
      const listed = await listExternal(tools.app, person);
      return listed.ok
        ? renderExternalList(listed.value.items, listed.value.canAdd)
        : renderNoticeCard("Can't list recommendations to external bodies", listed.error.reason);
    },
  });

  onCardAction(app, tools, {
    verb: 'addExternal',
    data: AddData,
    handle: async ({ person }, data) => {
      const added = await addExternalRecommendation(tools.app, person, data);
      if (!added.ok) {
        if (added.error.code !== 'validation')
          return renderNoticeCard('Recommendation not added', added.error.reason);
        return renderExternalForm(
          data,
          await hmiChoices(tools.app),
          added.error.issues,
          `Nothing was saved. ${added.error.reason}`,
        );
      }
      const { recommendation, alreadyAdded } = added.value;
      const text = alreadyAdded
        ? `This form was already submitted: it added ${recommendation.id}. Type new external for another.`
        : `Added ${recommendation.id}, the recommendation to ${recommendation.externalBody ?? 'the body'}.`;
      return externalCardFor(tools, person, recommendation.id, { notice: { text, tone: 'good' } });
    },
  });

  onCardAction(app, tools, {
    verb: 'showExternal',
    data: ShowData,
    handle: ({ person }, { id }) => externalCardFor(tools, person, id),
  });

  onCardAction(app, tools, {
    verb: 'recordExternalProgress',
    data: ProgressData,
    handle: async ({ person }, data) => {
      const saved = await recordProgressOnExternal(tools.app, person, {
        id: data.id,
        text: data.progressText,
        rag: data.rag,
        status: data.status,
        expectedUpdatedAt: data.updatedAt,
      });
      if (saved.ok)
        return externalCardFor(tools, person, data.id, {
          notice: { text: `Saved: progress recorded on ${data.id}.`, tone: 'good' },
        });
      const typedValues = { progressText: data.progressText, rag: data.rag, status: data.status };
      return externalCardFor(tools, person, data.id, {
        notice: { text: `Nothing was saved. ${saved.error.reason}`, tone: 'attention' },
        typed: {
          values: typedValues,
          ...(saved.error.code === 'validation' ? { issues: saved.error.issues } : {}),
        },
      });
    },
  });
}
