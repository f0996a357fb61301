/**
 * Who is who, and roles given and taken away from Teams: `people` (and `people <service or
 * region>`), `add @Name as sll for BUC` / `remove @Name as …` in a channel the person is in, and the
 * people card's buttons: "Give someone a role" (a form with the people picker), Remove, and the
 * question of who takes open records over. What each answers is src/app/directory/people-answers.ts;
 * finding someone Teams knows (an @mention, the picker) is done here.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  givenRole,
  peopleCard,
  roleChangeOnCard,
  roleForm,
  typedRoleChange,
  type PeopleAnswer,
  type RoleChangeTelling,
} from '../../app/directory/people-answers';
import { roleFromWords, someoneKnownAs } from '../../app/directory/read-role-request';
import type { Someone } from '../../domain/lifecycle/directory-roles';
import { Role } from '../../domain/records';
import { placeFromValue, renderPeopleAnswer } from '../../views/directory/people-card';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';
import { memberOf, mentionedPeople } from '../members';

const refusedHeading = 'Nothing was changed';
const peopleHeading = 'Who is who';

const roleUsage =
  'Type add @name as sll for BUC (or slo for a service; cos or hmi for a region; admin or dpd), or remove @name as … — or press Give someone a role on the people card.';

/** Someone the words or the picker name: a member Teams knows here, or someone the bot knows. */
async function someoneNamed(tools: RouteTools, context: TurnContext, text: string): Promise<Someone | null> {
  const mention = mentionedPeople(context).find((m) => m.text !== '' && text.includes(m.text));
  const member = await memberOf(context, mention ? mention.id : text.trim());
  return member ?? someoneKnownAs(tools.app, mention ? mention.name : text.replace(/^@/, ''));
}

const draw = async (answer: Promise<PeopleAnswer>) => renderPeopleAnswer(await answer);

/** Registers `people`, `add … as …`, `remove … as …` and the people card's buttons. */
export function registerPeopleRoutes(app: BotApplication, tools: RouteTools): void {
  const telling: RoleChangeTelling = {
    notifier: tools.notifier,
    onFailure: (error: unknown) => {
      tools.logger.warn({ err: error }, 'could not tell people their roles changed');
    },
  };

  onCommand(app, tools, {
    pattern: /^people(?:\s+(.+?))?\s*$/i,
    read: ([, place]) => withArgs(place ?? ''),
    refused: { heading: peopleHeading },
    handle: ({ person }, place) => draw(peopleCard(tools.app, person, place)),
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
    handle: ({ context, person }, typed) =>
      draw(typedRoleChange(tools.app, person, typed, (text) => someoneNamed(tools, context, text), telling)),
  });

  onCardAction(app, tools, {
    verb: 'showPeople',
    data: z.object({}).passthrough(),
    refused: { heading: peopleHeading },
    handle: ({ person }) => draw(peopleCard(tools.app, person, '')),
  });

  onCardAction(app, tools, {
    verb: 'openRoleForm',
    data: z.object({ place: z.string().optional() }),
    refused: { heading: refusedHeading },
    handle: ({ person }, { place }) =>
      draw(roleForm(tools.app, person, { person: '', role: '', place: place ?? '' })),
  });

  onCardAction(app, tools, {
    verb: 'giveRole',
    data: z.object({
      person: z.string().default(''),
      role: z.string().default(''),
      place: z.string().default(''),
    }),
    refused: { heading: refusedHeading },
    handle: async ({ context, person }, values) => {
      const who = values.person.trim() === '' ? null : await someoneNamed(tools, context, values.person);
      const place = placeFromValue(values.place);
      return draw(givenRole(tools.app, person, { values, place, who }, telling));
    },
  });

  onCardAction(app, tools, {
    verb: ['removeRole', 'changeRole'],
    data: z.object({
      objectId: z.string().min(1),
      role: Role,
      place: z.string().transform(placeFromValue),
      kind: z.enum(['add', 'remove']).default('remove'),
      tenantId: z.string().optional(),
      name: z.string().optional(),
      handOverTo: z.string().min(1).optional(),
    }),
    refused: { heading: refusedHeading },
    handle: ({ person }, card) => draw(roleChangeOnCard(tools.app, person, card, telling)),
  });
}
