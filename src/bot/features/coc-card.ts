/**
 * `show <id>`: the card of a cause of concern (also for one of its recommendations) or of an area
 * for improvement, drawn for the person asking, with the buttons they may use; the same card for
 * the "Open" button of other cards (`showCoc`) and for Teams' automatic refresh. Also registers
 * the card's forms (update-actions.ts) and the `status` shortcut (status-shortcut.ts).
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { loadAfiView, loadCocView, loadRecordView } from '../../app/records/show-record';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { renderAfiCard, renderCocCard, renderNoticeCard } from '../../views/records/record-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';
import { answerWithCard } from './invoke-response';
import { registerStatusShortcut } from './status-shortcut';
import { registerUpdateActions } from './update-actions';

const showCommand = /^show(?:\s+(\S+))?\s*$/i;
const CocData = z.object({ cocId: z.string().min(1).max(40) });
const AfiData = z.object({ afiId: z.string().min(1).max(40) });

/** The card `show <id>` answers with, for the person asking. */
async function showCard(
  context: TurnContext,
  features: FeatureContext,
  id: string,
): Promise<AdaptiveCardJson> {
  const person = await personOf(context, features);
  if (!person.ok) return renderNoticeCard("You can't see this", person.error.reason);
  const view = await loadRecordView(features.app, person.value, id);
  if (!view.ok) return renderNoticeCard(`Can't show ${id}`, view.error.reason);
  return view.value.kind === 'coc' ? renderCocCard(view.value.view) : renderAfiCard(view.value.view);
}

async function cocCard(
  context: TurnContext,
  features: FeatureContext,
  raw: unknown,
): Promise<AdaptiveCardJson> {
  const data = CocData.safeParse(raw);
  if (!data.success)
    return renderNoticeCard("Can't show this", 'The card did not say which cause of concern to show.');
  const person = await personOf(context, features);
  if (!person.ok) return renderNoticeCard("You can't see this", person.error.reason);
  const view = await loadCocView(features.app, person.value, data.data.cocId);
  return view.ok
    ? renderCocCard(view.value)
    : renderNoticeCard(`Can't show ${data.data.cocId}`, view.error.reason);
}

/** Registers `show`, the CoC and AFI card verbs, the forms and the `status` shortcut. */
export function registerCocCard(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && showCommand.test(commandText(context))),
    async (context) => {
      const id = showCommand.exec(commandText(context))?.[1];
      const card = id
        ? await showCard(context, features, id)
        : renderNoticeCard(
            'Which record?',
            'Type show and an id, for example: show BUC-1, show BUC-1.2 or show HWF-AFI-2.',
          );
      await context.sendActivity({ attachments: [cardAttachment(card)] });
    },
  );

  app.adaptiveCards.actionExecute(['showCoc', 'refreshCoc'], async (context, _state, raw: unknown) =>
    answerWithCard(context, await cocCard(context, features, raw)),
  );

  app.adaptiveCards.actionExecute('refreshAfi', async (context, _state, raw: unknown) => {
    const data = AfiData.safeParse(raw);
    const person = await personOf(context, features);
    if (!data.success || !person.ok) {
      return answerWithCard(
        context,
        renderNoticeCard(
          "Can't show this",
          person.ok ? 'The card did not say which record.' : person.error.reason,
        ),
      );
    }
    const view = await loadAfiView(features.app, person.value, data.data.afiId);
    return answerWithCard(
      context,
      view.ok
        ? renderAfiCard(view.value)
        : renderNoticeCard(`Can't show ${data.data.afiId}`, view.error.reason),
    );
  });

  registerUpdateActions(app, features);
  registerStatusShortcut(app, features);
}
