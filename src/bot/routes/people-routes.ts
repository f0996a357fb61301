/**
 * Who is who, and roles given and taken away from Teams: `people` (and `people <service or
 * region>`), `add @Name as sll for BUC` / `remove @Name as …` in a channel the person is in, and the
 * people card's buttons: "Give someone a role" (a form with the people picker), Remove, and the
 * question of who takes open records over.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { changeRole, type RoleChangeOutcome, type RoleChangeRequest } from '../../app/directory/change-role';
import { peopleOf, roleFormChoices } from '../../app/directory/people-of';
import {
  placeFor,
  placeWords,
  readRoleForm,
  roleFromWords,
  someoneKnownAs,
  someoneOnCard,
} from '../../app/directory/read-role-request';
import { tellRoleChanged } from '../../app/directory/tell-role-changed';
import type { Result } from '../../domain/errors';
import type { RolePlace, Someone } from '../../domain/lifecycle/directory-roles';
import { Role, type Person } from '../../domain/records';
import {
  placeFromValue,
  renderHandOverCard,
  renderPeopleCard,
  renderRoleForm,
  type RoleFormErrors,
  type RoleFormValues,
} from '../../views/directory/people-card';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';
import { memberOf, mentionedPeople } from '../members';

const refusedHeading = 'Nothing was changed';
const peopleHeading = 'Who is who';

const roleUsage =
  'Type add @name as sll for BUC (or slo for a service; cos or hmi for a region; admin or dpd), or remove @name as … — or press Give someone a role on the people card.';

/** The people card, with a notice over it; the place is the one the change was about. */
async function peopleCard(
  tools: RouteTools,
  person: Person,
  place: string,
  notice: { text: string; style: 'good' | 'attention' } | null = null,
): Promise<AdaptiveCardJson> {
  const view = await peopleOf(tools.app, person, place);
  if (!view.ok) return renderNoticeCard(peopleHeading, view.error.reason);
  return renderPeopleCard(view.value, notice);
}

/** Someone the words or the picker name: a member Teams knows here, or someone the bot knows. */
async function someoneNamed(tools: RouteTools, context: TurnContext, text: string): Promise<Someone | null> {
  const mention = mentionedPeople(context).find((m) => m.text !== '' && text.includes(m.text));
  const member = await memberOf(context, mention ? mention.id : text.trim());
  return member ?? someoneKnownAs(tools.app, mention ? mention.name : text.replace(/^@/, ''));
}

/** Answers a role change: the people card with what was saved, the hand-over question, or why not. */
async function answerChange(
  tools: RouteTools,
  person: Person,
  result: Result<RoleChangeOutcome>,
  place: RolePlace,
): Promise<AdaptiveCardJson> {
  if (!result.ok)
    return peopleCard(tools, person, placeWords(place), {
      text: `Nothing was changed: ${result.error.reason}`,
      style: 'attention',
    });
  const outcome = result.value;
  if (outcome.kind === 'needsHandOver') return renderHandOverCard(outcome.request, outcome.handOver);
  tellRoleChanged(tools.app, tools.notifier, person, outcome).catch((error: unknown) => {
    tools.logger.warn({ err: error }, 'could not tell people their roles changed');
  });
  const moved = outcome.handedOver.length === 0 ? '' : ` ${outcome.handedOver.join(', ')} handed over.`;
  return peopleCard(tools, person, placeWords(place), { text: `${outcome.summary}${moved}`, style: 'good' });
}

async function drawForm(
  tools: RouteTools,
  person: Person,
  values: RoleFormValues,
  errors: RoleFormErrors = {},
  notice = '',
): Promise<AdaptiveCardJson> {
  const choices = await roleFormChoices(tools.app, person);
  if (!choices.ok) return renderNoticeCard(refusedHeading, choices.error.reason);
  return renderRoleForm(choices.value, values, errors, notice);
}

/** Registers `people`, `add … as …`, `remove … as …` and the people card's buttons. */
export function registerPeopleRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^people(?:\s+(.+?))?\s*$/i,
    read: ([, place]) => withArgs(place ?? ''),
    refused: { heading: peopleHeading },
    handle: ({ person }, place) => peopleCard(tools, person, place),
  });

  onCommand(app, tools, {
    pattern: /^(add|remove)\s+(.+?)\s+as\s+(.+?)(?:\s+(?:for|in|of)\s+(.+?))?\s*$/i,
    read: ([, kind, who, roleWords, place]) => {
      const role = roleFromWords(roleWords ?? '');
      if (!role || who === undefined) return usage(roleUsage);
      return withArgs({
        kind: kind?.toLowerCase() === 'remove' ? ('remove' as const) : ('add' as const),
        who,
        role,
        place: place ?? '',
      });
    },
    refused: { heading: refusedHeading },
    handle: async ({ context, person }, args) => {
      const place = await placeFor(tools.app, args.role, args.place);
      if (!place.ok) return renderNoticeCard(refusedHeading, place.error.reason);
      const who = await someoneNamed(tools, context, args.who);
      if (!who)
        return renderNoticeCard(
          refusedHeading,
          `I can't find ${args.who.replace(/<\/?at>/g, '')}: @mention them in a channel they are in, or use the name or email address the directory has.`,
        );
      const request: RoleChangeRequest = { kind: args.kind, who, role: args.role, place: place.value };
      return answerChange(tools, person, await changeRole(tools.app, person, request), request.place);
    },
  });

  onCardAction(app, tools, {
    verb: 'showPeople',
    data: z.object({}).passthrough(),
    refused: { heading: peopleHeading },
    handle: ({ person }) => peopleCard(tools, person, ''),
  });

  onCardAction(app, tools, {
    verb: 'openRoleForm',
    data: z.object({ place: z.string().optional() }),
    refused: { heading: refusedHeading },
    handle: ({ person }, { place }) => drawForm(tools, person, { person: '', role: '', place: place ?? '' }),
  });

  onCardAction(app, tools, {
    verb: 'giveRole',
    data: z.object({
      person: z.string().default(''),
      role: z.string().default(''),
      place: z.string().default(''),
    }),
    refused: { heading: refusedHeading },
    handle: async ({ context, person }, data) => {
      const values: RoleFormValues = data;
      const who = data.person.trim() === '' ? null : await someoneNamed(tools, context, data.person);
      const read = readRoleForm({ ...data, place: placeFromValue(data.place) }, who);
      if (!read.ok) return drawForm(tools, person, values, read.problems);
      const result = await changeRole(tools.app, person, read.request);
      if (!result.ok && result.error.code === 'validation')
        return drawForm(tools, person, values, { place: result.error.reason });
      if (!result.ok) return drawForm(tools, person, values, {}, result.error.reason);
      return answerChange(tools, person, result, read.request.place);
    },
  });

  onCardAction(app, tools, {
    verb: ['removeRole', 'changeRole'],
    data: z.object({
      objectId: z.string().min(1),
      role: Role,
      place: z.string(),
      kind: z.enum(['add', 'remove']).default('remove'),
      tenantId: z.string().optional(),
      name: z.string().optional(),
      handOverTo: z.string().min(1).optional(),
    }),
    refused: { heading: refusedHeading },
    handle: async ({ person }, data) => {
      const place = placeFromValue(data.place);
      const who = await someoneOnCard(tools.app, data);
      if (!place || !who)
        return peopleCard(tools, person, '', {
          text: 'That person no longer holds the role.',
          style: 'attention',
        });
      const { kind, role, handOverTo } = data;
      const request: RoleChangeRequest = { kind, who, role, place, ...(handOverTo ? { handOverTo } : {}) };
      return answerChange(tools, person, await changeRole(tools.app, person, request), place);
    },
  });
}
