/**
 * What `people`, `add … as …` / `remove … as …` and the people card's buttons answer, as data for
 * src/views/directory to draw: the people card with what was saved (its news sent to the people the
 * change touched), the hand-over question, the "Give someone a role" form with messages, or a notice.
 * Finding someone Teams knows is the bot's: it passes the person found, or a way to find them.
 */
import type { Result } from '../../domain/errors';
import type { RolePlace, Someone } from '../../domain/lifecycle/directory-roles';
import type { Person, Role } from '../../domain/records';
import { noticeAnswer, type NoticeAnswer } from '../shared/answer';
import type { AppContext } from '../shared/app-context';
import type { Notifier } from '../shared/notifier';
import { changeRole, type RoleChangeOutcome, type RoleChangeRequest } from './change-role';
import { peopleOf, roleFormChoices, type PeopleView, type RoleFormChoices } from './people-of';
import {
  placeFor,
  placeWords,
  readRoleForm,
  someoneOnCard,
  type RoleFormProblems,
} from './read-role-request';
import { tellRoleChanged, type RoleChangedMessage } from './tell-role-changed';

const refusedHeading = 'Nothing was changed';

/** A line over the people card: what was saved, or why nothing was. */
export interface PeopleNotice {
  text: string;
  style: 'good' | 'attention';
}

/** What the role form was given, kept when it is drawn again with messages. */
export interface RoleFormValues {
  person: string;
  role: string;
  place: string;
}

/** How the people a change touched are told (best effort: a failure is only reported). */
export interface RoleChangeTelling {
  notifier: Notifier<RoleChangedMessage>;
  onFailure: (error: unknown) => void;
}

/** A people command's or button's answer. */
export type PeopleAnswer =
  | NoticeAnswer
  | { kind: 'people'; view: PeopleView; notice: PeopleNotice | null }
  | Extract<RoleChangeOutcome, { kind: 'needsHandOver' }>
  | {
      kind: 'roleForm';
      choices: RoleFormChoices;
      values: RoleFormValues;
      errors: RoleFormProblems;
      notice: string;
    };

/** The people card, with a notice over it; the place is the one the change was about. */
export async function peopleCard(
  context: AppContext,
  person: Person,
  place: string,
  notice: PeopleNotice | null = null,
): Promise<PeopleAnswer> {
  const view = await peopleOf(context, person, place);
  if (!view.ok) return noticeAnswer('Who is who', view.error.reason);
  return { kind: 'people', view: view.value, notice };
}

/** The "Give someone a role" form, with what was typed and messages. */
export async function roleForm(
  context: AppContext,
  person: Person,
  values: RoleFormValues,
  errors: RoleFormProblems = {},
  notice = '',
): Promise<PeopleAnswer> {
  const choices = await roleFormChoices(context, person);
  if (!choices.ok) return noticeAnswer(refusedHeading, choices.error.reason);
  return { kind: 'roleForm', choices: choices.value, values, errors, notice };
}

/** Answers a role change: the people card with what was saved, the hand-over question, or why not. */
async function answerChange(
  context: AppContext,
  person: Person,
  result: Result<RoleChangeOutcome>,
  place: RolePlace,
  telling: RoleChangeTelling,
): Promise<PeopleAnswer> {
  if (!result.ok)
    return peopleCard(context, person, placeWords(place), {
      text: `Nothing was changed: ${result.error.reason}`,
      style: 'attention',
    });
  const outcome = result.value;
  if (outcome.kind === 'needsHandOver') return outcome;
  tellRoleChanged(context, telling.notifier, person, outcome).catch(telling.onFailure);
  const moved = outcome.handedOver.length === 0 ? '' : ` ${outcome.handedOver.join(', ')} handed over.`;
  return peopleCard(context, person, placeWords(place), {
    text: `${outcome.summary}${moved}`,
    style: 'good',
  });
}

/** `add @Name as sll for BUC` / `remove …`: the place read, the person found, the change made. */
export async function typedRoleChange(
  context: AppContext,
  person: Person,
  typed: { kind: 'add' | 'remove'; who: string; role: Role; place: string },
  find: (text: string) => Promise<Someone | null>,
  telling: RoleChangeTelling,
): Promise<PeopleAnswer> {
  const place = await placeFor(context, typed.role, typed.place);
  if (!place.ok) return noticeAnswer(refusedHeading, place.error.reason);
  const who = await find(typed.who);
  if (!who)
    return noticeAnswer(
      refusedHeading,
      `I can't find ${typed.who.replace(/<\/?at>/g, '')}: @mention them in a channel they are in, or use the name or email address the directory has.`,
    );
  const request: RoleChangeRequest = { kind: typed.kind, who, role: typed.role, place: place.value };
  return answerChange(context, person, await changeRole(context, person, request), request.place, telling);
}

/** The role form's submit: the form again with messages, or the change made. */
export async function givenRole(
  context: AppContext,
  person: Person,
  sent: { values: RoleFormValues; place: RolePlace | null; who: Someone | null },
  telling: RoleChangeTelling,
): Promise<PeopleAnswer> {
  const { values } = sent;
  const read = readRoleForm({ ...values, place: sent.place }, sent.who);
  if (!read.ok) return roleForm(context, person, values, read.problems);
  const result = await changeRole(context, person, read.request);
  if (!result.ok && result.error.code === 'validation')
    return roleForm(context, person, values, { place: result.error.reason });
  if (!result.ok) return roleForm(context, person, values, {}, result.error.reason);
  return answerChange(context, person, result, read.request.place, telling);
}

/** A people card's Remove, or the hand-over question's answer. */
export async function roleChangeOnCard(
  context: AppContext,
  person: Person,
  card: Omit<RoleChangeRequest, 'who' | 'place'> & {
    objectId: string;
    tenantId?: string | undefined;
    name?: string | undefined;
    place: RolePlace | null;
  },
  telling: RoleChangeTelling,
): Promise<PeopleAnswer> {
  const { place } = card;
  const who = await someoneOnCard(context, card);
  if (!place || !who)
    return peopleCard(context, person, '', {
      text: 'That person no longer holds the role.',
      style: 'attention',
    });
  const { kind, role, handOverTo } = card;
  const request: RoleChangeRequest = { kind, who, role, place, ...(handOverTo ? { handOverTo } : {}) };
  return answerChange(context, person, await changeRole(context, person, request), place, telling);
}
