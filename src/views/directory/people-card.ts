/**
 * Who is who (`cards/people.json`), the "Give someone a role" form (`cards/role-form.json`) and the
 * question of who takes open records over (`cards/role-hand-over.json`). Names are people's own
 * text: escaped, never Markdown.
 */
import { formatLondonDateTime } from '../../domain/clock';
import type { HandOver, RolePlace } from '../../domain/lifecycle/directory-roles';
import { roleNames, type Role } from '../../domain/records';
import type { Holder, PeopleView, RoleFormChoices } from '../../app/directory/people-of';
import type { RoleChangeRequest } from '../../app/directory/change-role';
import type { PeopleAnswer, RoleFormValues } from '../../app/directory/people-answers';
import type { RoleChangedMessage } from '../../app/directory/tell-role-changed';
import { renderNoticeAnswer, renderNoticeCard } from '../records/record-cards';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';

/** A place as card data carries it: `service:OXF`, `region:central`, or empty for everywhere. */
export function placeValue(place: RolePlace): string {
  if (place.kind === 'service') return `service:${place.code}`;
  if (place.kind === 'region') return `region:${place.id}`;
  return '';
}

/** The place a card's `placeValue` names, or null when it names none. */
export function placeFromValue(value: string): RolePlace | null {
  if (value === '') return { kind: 'everywhere' };
  const [kind, id] = value.split(':', 2);
  if (kind === 'service' && id !== undefined && id !== '') return { kind: 'service', code: id };
  if (kind === 'region' && id !== undefined && id !== '') return { kind: 'region', id };
  return null;
}

const none = 'nobody yet';

function names(holders: readonly Holder[]): string {
  return holders.length === 0 ? none : escapeMarkdown(holders.map((h) => h.name).join(', '));
}

/** Short role names, so a Remove button fits on one line. */
const shortRoleNames: Record<Role, string> = {
  sll: 'SLL',
  slo: 'SLO',
  cos: 'Chief of Staff',
  hmi: 'HM Inspector',
  deputyPortfolioDirector: 'deputy portfolio director',
  admin: 'Administrator',
  sro: 'SRO',
};

function removal(holder: Holder): { title: string; objectId: string; role: Role; place: string } {
  const where = holder.place.kind === 'service' ? ` ${holder.place.code}` : '';
  return {
    title: `Remove ${holder.name}, ${shortRoleNames[holder.role]}${where}`,
    objectId: holder.objectId,
    role: holder.role,
    place: placeValue(holder.place),
  };
}

/** The people card; `notice` says what was just saved or refused. */
export function renderPeopleCard(
  view: PeopleView,
  notice: { text: string; style: 'good' | 'attention' } | null = null,
): AdaptiveCardJson {
  const removals: ReturnType<typeof removal>[] = [];
  const regions = view.regions.map(({ region, cos, hmi, services }) => {
    if (view.canManage && view.focus) {
      for (const holder of [...cos, ...hmi]) removals.push(removal(holder));
    }
    return {
      name: escapeMarkdown(`${region.name} region`),
      facts:
        view.focus?.kind === 'service'
          ? []
          : [
              { title: roleNames.cos, value: names(cos) },
              { title: roleNames.hmi, value: names(hmi) },
            ],
      services: services.map(({ service, sll, slo }) => {
        if (view.canManage && view.focus) {
          for (const holder of [...sll, ...slo]) removals.push(removal(holder));
        }
        const held = [
          ...(sll.length > 0 ? [`${roleNames.sll}: ${names(sll)}`] : []),
          ...(slo.length > 0 ? [`${roleNames.slo}: ${names(slo)}`] : []),
        ];
        return {
          name: escapeMarkdown(`${service.name} (${service.code})`),
          people: held.length === 0 ? none : held.join('; '),
        };
      }),
    };
  });
  const national =
    view.focus === undefined
      ? [
          { title: 'Administrators', value: names(view.admins) },
          { title: 'Deputy portfolio directors', value: names(view.deputies) },
          { title: 'Senior Responsible Officers', value: names(view.sros) },
        ]
      : [];
  if (view.canManage)
    for (const holder of [...view.admins, ...view.deputies, ...view.sros]) removals.push(removal(holder));

  const hint = view.canManage
    ? `To give a role in a channel, type add @name as sll for BUC (or slo; cos or hmi for a region; admin; dpd; sro); to take one away, remove @name as …${view.focus ? '' : ' Type people BUC or people Central for the Remove buttons of one place.'}`
    : view.focus === undefined
      ? 'Type people followed by a service or region, for example people BUC, to see one place.'
      : '';
  return renderCard('people', {
    notice: notice ? escapeMarkdown(notice.text) : '',
    noticeStyle: notice?.style ?? 'default',
    heading: escapeMarkdown(view.focus ? `Who is who: ${view.focus.name}` : 'Who is who'),
    regions,
    national,
    removals: removals.map((r) => ({ ...r, title: escapeMarkdown(r.title) })),
    hint,
    changes: view.changes.map((change) => ({
      line: escapeMarkdown(`${formatLondonDateTime(change.at)}, ${change.by}: ${change.text}`),
    })),
    canManage: view.canManage,
    focusPlace: view.focus ? placeValue(view.focus.place) : '',
  });
}

/** Messages under the form's fields, by field; empty for a field that is fine. */
export type RoleFormErrors = Partial<Record<keyof RoleFormValues, string>>;

/** The roles an administrator can give, in the order the form lists them. */
const formRoles: Role[] = ['sll', 'slo', 'cos', 'hmi', 'deputyPortfolioDirector', 'sro', 'admin'];

/** The "Give someone a role" form. */
export function renderRoleForm(
  choices: RoleFormChoices,
  values: RoleFormValues,
  errors: RoleFormErrors = {},
  notice = '',
): AdaptiveCardJson {
  const regionName = new Map(choices.regions.map((r) => [r.id, r.name]));
  return renderCard('role-form', {
    notice: escapeMarkdown(notice),
    people: choices.people.map((p) => ({ name: escapeMarkdown(p.name), objectId: p.objectId })),
    roles: formRoles.map((role) => ({ title: roleNames[role], value: role })),
    places: [
      ...choices.regions.map((r) => ({
        title: `${r.name} region`,
        value: placeValue({ kind: 'region', id: r.id }),
      })),
      ...choices.services.map((s) => ({
        title: `${s.name} (${s.code}, ${regionName.get(s.regionId) ?? s.regionId})`,
        value: placeValue({ kind: 'service', code: s.code }),
      })),
    ],
    values,
    errors: {
      person: errors.person ?? '',
      role: errors.role ?? '',
      place: errors.place ?? '',
    },
  });
}

/** Who takes the records over: asked before a change that would leave them with nobody. */
export function renderHandOverCard(request: RoleChangeRequest, handOver: HandOver): AdaptiveCardJson {
  const records = handOver.records.map((r) => r.id).join(', ');
  const what =
    request.kind === 'remove'
      ? `Taking ${request.who.name} off as ${roleNames[request.role]}`
      : `Giving ${request.who.name} this role`;
  return renderCard('role-hand-over', {
    question: escapeMarkdown(
      `${what} leaves open records naming ${handOver.from.name} as ${roleNames[handOver.role]}: ${records}. Who takes them over?`,
    ),
    candidates: handOver.candidates.map((p) => ({ name: escapeMarkdown(p.name), objectId: p.objectId })),
    first: handOver.candidates[0]?.objectId ?? '',
    confirm: request.kind === 'remove' ? 'Hand over and remove the role' : 'Hand over and give the role',
    request: {
      kind: request.kind,
      objectId: request.who.objectId,
      tenantId: request.who.tenantId,
      name: request.who.name,
      role: request.role,
      place: placeValue(request.place),
    },
  });
}

/** What a person is told when an administrator changes their roles. */
export function renderRoleChangedCard(message: RoleChangedMessage): AdaptiveCardJson {
  const now =
    message.roles.length === 0
      ? 'You have no role in CoC Monitor now.'
      : `You are: ${message.roles.join(', ')}.`;
  return renderNoticeCard(
    'Your roles in CoC Monitor changed',
    `${message.by} changed them: ${message.summary} ${now} Type help to see what needs you.`,
  );
}

/** A people command's or button's answer, drawn. */
export function renderPeopleAnswer(answer: PeopleAnswer): AdaptiveCardJson {
  switch (answer.kind) {
    case 'notice':
      return renderNoticeAnswer(answer);
    case 'people':
      return renderPeopleCard(answer.view, answer.notice);
    case 'needsHandOver':
      return renderHandOverCard(answer.request, answer.handOver);
    case 'roleForm':
      return renderRoleForm(answer.choices, answer.values, answer.errors, answer.notice);
  }
}
