/**
 * Recommendations to external bodies (§31-32) in Teams: `new external` opens the form and its
 * submit adds one (a form submitted twice adds one); `external` lists them; `show EXT-1` (and the
 * list's lines, `showExternal`) opens one, where the deputy portfolio director records progress
 * (`recordExternalProgress`) and asks for it to be closed (the closure chain's own form and cards).
 * What each answers is src/app/external/external-answers.ts.
 */
import { z } from 'zod';
import {
  addExternalAnswer,
  blankExternalForm,
  externalCard,
  externalList,
  recordExternalProgressAnswer,
  type ExternalAnswer,
} from '../../app/external/external-answers';
import type { Person } from '../../domain/records';
import { renderExternalAnswer } from '../../views/external/external-cards';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, withArgs, type RouteTools } from '../gate';
import { formText as typed } from './form-inputs';

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

const draw = async (answer: Promise<ExternalAnswer>) => renderExternalAnswer(await answer);

/** The card of one external recommendation for this person, or why not (`show EXT-1`). */
export function externalCardFor(tools: RouteTools, person: Person, id: string): Promise<AdaptiveCardJson> {
  return draw(externalCard(tools.app, person, id));
}

/** Registers `new external`, `external` and the external-recommendation card's verbs. */
export function registerExternalRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^new\s+external\s*$/i,
    read: () => withArgs(true),
    handle: ({ person }) => draw(blankExternalForm(tools.app, person)),
  });

  onCommand(app, tools, {
    pattern: /^external\s*$/i,
    read: () => withArgs(true),
    handle: ({ person }) => draw(externalList(tools.app, person)),
  });

  onCardAction(app, tools, {
    verb: 'addExternal',
    data: AddData,
    handle: ({ person }, data) => draw(addExternalAnswer(tools.app, person, data)),
  });

  onCardAction(app, tools, {
    verb: 'showExternal',
    data: ShowData,
    handle: ({ person }, { id }) => externalCardFor(tools, person, id),
  });

  onCardAction(app, tools, {
    verb: 'recordExternalProgress',
    data: ProgressData,
    handle: ({ person }, data) => draw(recordExternalProgressAnswer(tools.app, person, data)),
  });
}
