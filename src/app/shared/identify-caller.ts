/**
 * Who is calling, taken by the bot adapter from the activity the channel signed (never from card
 * data), and how that becomes a person of the directory.
 */
import { fail, ok, type Result } from '../../domain/errors';
import type { Person } from '../../domain/records';
import type { AppContext } from './app-context';

/** The person behind a turn, as the channel vouches for them (authorize on the ids, never the name). */
export interface Caller {
  /** Entra object id (`from.aadObjectId`). */
  objectId: string;
  /** Entra tenant id of the conversation. */
  tenantId: string;
  /** Display name; may be empty and is not unique. */
  name: string;
}

/**
 * Looks the caller up in the directory. Bootstrap admins are admins whether or not the directory
 * knows them yet; anyone else must be in the directory, in their own tenant, and in an allowed
 * tenant when a list is configured.
 */
export async function identifyCaller(context: AppContext, caller: Caller): Promise<Result<Person>> {
  if (!caller.objectId) {
    return fail('not-allowed', 'I could not tell who you are. Please use CoC Monitor from Microsoft Teams.');
  }
  if (
    context.allowedTenantIds.length > 0 &&
    !context.allowedTenantIds.includes(caller.tenantId.toLowerCase())
  ) {
    return fail('not-allowed', 'Your organisation is not set up to use CoC Monitor.');
  }
  const person = await context.store.directory.getPerson(caller.objectId);
  const bootstrapAdmin = context.bootstrapAdminObjectIds.includes(caller.objectId);
  if (person) {
    if (caller.tenantId && person.tenantId !== caller.tenantId) {
      return fail(
        'not-allowed',
        'You are signed in from a different organisation than the one in the CoC Monitor directory.',
      );
    }
    if (bootstrapAdmin && !person.roles.includes('admin'))
      return ok({ ...person, roles: [...person.roles, 'admin'] });
    return ok(person);
  }
  if (bootstrapAdmin) {
    return ok({
      objectId: caller.objectId,
      tenantId: caller.tenantId,
      name: caller.name || 'Administrator',
      roles: ['admin'],
      serviceCodes: [],
    });
  }
  return fail('not-allowed', "You're not in the CoC Monitor directory yet. Ask an administrator to add you.");
}
