/**
 * `letters <service>`: an administrator sets the names a service's letters go to (its chief fire
 * officer, the chair of its fire and rescue authority, the authority), on a form.
 */
import { z } from 'zod';
import { letterNamesForm, type LetterNamesFormState } from '../../app/letters/letter-names';
import type { Result } from '../../domain/errors';
import { renderLetterNamesForm } from '../../views/letters/letter-names-card';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';

const heading = 'Letter names';
const Names = z.object({
  chiefFireOfficer: z.string().default(''),
  authorityChair: z.string().default(''),
  authorityName: z.string().default(''),
});

const answer = (form: Result<LetterNamesFormState>) =>
  form.ok ? renderLetterNamesForm(form.value) : renderNoticeCard(heading, form.error.reason);

/** Registers `letters <service>` and the form's Save. */
export function registerLetterRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^letters(?:\s+(.+?))?\s*$/i,
    read: ([, service]) =>
      service === undefined
        ? usage('Type letters followed by a service, for example letters BUC.')
        : withArgs(service),
    refused: { heading },
    handle: async ({ person }, service) => answer(await letterNamesForm(tools.app, person, service)),
  });
  onCardAction(app, tools, {
    verb: 'saveLetterNames',
    data: Names.extend({ serviceCode: z.string().min(1), drawnFrom: Names }),
    refused: { heading },
    handle: async ({ person }, { serviceCode, drawnFrom, ...names }) =>
      answer(await letterNamesForm(tools.app, person, serviceCode, { drawnFrom, names })),
  });
}
