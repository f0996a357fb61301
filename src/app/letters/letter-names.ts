/**
 * Use case: the names a service's letters are addressed to (§25): its chief fire officer, the chair
 * of its fire and rescue authority and the authority's name. An administrator sets them in chat;
 * closure letters (and revisit letters) are addressed by name once they are set.
 */
import { fail, invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import { authorize } from '../../domain/policy';
import type { AuditEvent, FieldChange, Person, Service } from '../../domain/records';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { withAudit } from '../shared/write-with-audit';
import { findService } from '../lists/find-service';
import { formAfterRefusal } from '../shared/form-again';

/** The three names, as the form holds them ('' for not known). */
export interface LetterNames {
  chiefFireOfficer: string;
  authorityChair: string;
  authorityName: string;
}

const letterNameFields = ['chiefFireOfficer', 'authorityChair', 'authorityName'] as const;

/** A service's names, read for the form. */
function letterNamesOf(service: Service): LetterNames {
  return {
    chiefFireOfficer: service.chiefFireOfficer ?? '',
    authorityChair: service.authorityChair ?? '',
    authorityName: service.authorityName ?? '',
  };
}

/** The service `serviceText` names, for an administrator; the reason otherwise. */
async function serviceForLetters(
  context: AppContext,
  actor: Person,
  serviceText: string,
): Promise<Result<Service>> {
  const allowed = authorize(actor, 'manageDirectory', {}, { delegations: [], today: todayOf(context) });
  if (!allowed.ok)
    return fail('not-allowed', "You can't set the names letters go to: only an Administrator can.");
  const match = await findService(context, serviceText);
  if (match.found) return ok(match.service);
  const maybe = match.suggestions.map((s) => `${s.name} (${s.code})`).join(', ');
  return fail(
    'not-found',
    `There is no service called “${serviceText.trim()}”.${maybe ? ` Did you mean ${maybe}?` : ''}`,
  );
}

/** A change of names: what the form was drawn from, and what it says now. */
export interface LetterNamesChange {
  serviceCode: string;
  drawnFrom: LetterNames;
  names: LetterNames;
}

function checked(names: LetterNames): Result<LetterNames> {
  const issues: FieldIssue[] = letterNameFields
    .filter((field) => names[field].trim().length > 200)
    .map((field) => ({ field, message: 'Keep it to 200 characters.' }));
  if (issues.length > 0) return invalid(issues);
  return ok({
    chiefFireOfficer: names.chiefFireOfficer.trim(),
    authorityChair: names.authorityChair.trim(),
    authorityName: names.authorityName.trim(),
  });
}

/** The service with these names; a name left empty is taken off. */
function withNames(service: Service, names: LetterNames): Service {
  const { chiefFireOfficer: _o, authorityChair: _c, authorityName: _a, ...rest } = service;
  const named = Object.entries(names).filter(([, value]) => value !== '');
  return { ...rest, ...Object.fromEntries(named) };
}

/** The audit changes from `before` to `after`, field by field, empty values left out. */
function nameChanges(before: LetterNames, after: LetterNames): FieldChange[] {
  return letterNameFields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({
      field,
      ...(before[field] === '' ? {} : { from: before[field] }),
      ...(after[field] === '' ? {} : { to: after[field] }),
    }));
}

/**
 * Saves the names, with an audit event; refused when someone changed them since the form was
 * drawn (their change is kept) or when nothing changed.
 */
async function setLetterNames(
  context: AppContext,
  actor: Person,
  change: LetterNamesChange,
): Promise<Result<Service>> {
  const found = await serviceForLetters(context, actor, change.serviceCode);
  if (!found.ok) return found;
  const names = checked(change.names);
  if (!names.ok) return names;
  const service = found.value;
  const before = letterNamesOf(service);
  if (letterNameFields.some((field) => before[field] !== change.drawnFrom[field].trim()))
    return fail(
      'conflict',
      `Someone changed these names since the form was opened. Open it again with letters ${service.code}.`,
    );
  const changes = nameChanges(before, names.value);
  if (changes.length === 0) return fail('invalid-transition', 'Nothing changed: the names are as they were.');
  const updated = withNames(service, names.value);
  const event = (): AuditEvent => ({
    id: context.newId(),
    at: nowOf(context),
    actor: actor.objectId,
    action: 'service.letter-names-changed',
    subject: { kind: 'service', id: service.code },
    serviceCode: service.code,
    changes,
  });
  const directory = context.store.directory;
  await withAudit(context, service.code, {
    write: () => directory.upsertService(updated),
    undo: () => directory.upsertService(service),
    event,
  });
  return ok(updated);
}

/** The form as it is drawn: the service, what it shows, what it was drawn from, and messages. */
export interface LetterNamesFormState {
  service: Service;
  values: LetterNames;
  drawnFrom: LetterNames;
  errors?: Partial<Record<keyof LetterNames, string>>;
  notice?: { text: string; style: 'good' | 'attention' };
}

/** The form fresh from what is stored, with a notice over it when given. */
function freshForm(service: Service, notice?: LetterNamesFormState['notice']): LetterNamesFormState {
  const names = letterNamesOf(service);
  return { service, values: names, drawnFrom: names, ...(notice ? { notice } : {}) };
}

/**
 * The form of a service's names for an administrator: fresh, or after saving what it sent — saved,
 * or refused with the reason and what was typed (after someone else's change, drawn from the names
 * stored now).
 */
export async function letterNamesForm(
  context: AppContext,
  actor: Person,
  serviceText: string,
  sent?: Omit<LetterNamesChange, 'serviceCode'>,
): Promise<Result<LetterNamesFormState>> {
  const saved = sent
    ? await setLetterNames(context, actor, { serviceCode: serviceText, ...sent })
    : undefined;
  if (saved?.ok)
    return ok(
      freshForm(saved.value, { text: 'Saved: letters are addressed to these names.', style: 'good' }),
    );
  const service = await serviceForLetters(context, actor, serviceText);
  if (!service.ok) return saved ?? service;
  if (!saved || !sent) return ok(freshForm(service.value));
  const again = formAfterRefusal(saved.error, { values: sent.names, updatedAt: undefined });
  return ok({
    ...freshForm(service.value, { text: again.notice, style: 'attention' }),
    values: again.values,
    errors: again.errors,
  });
}
