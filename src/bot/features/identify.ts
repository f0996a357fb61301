/**
 * Who is acting in this turn, as a person of the directory.
 *
 * The identity comes from the activity envelope the Bot Framework signed (`from.aadObjectId` and
 * the tenant), never from card data; `identifyCaller` then checks the directory and tenant.
 */
import type { TurnContext } from 'botbuilder';
import { identifyCaller } from '../../app/shared/identify-caller';
import { fail, type Result } from '../../domain/errors';
import type { Person } from '../../domain/records';
import { callerOf } from '../caller-of';
import type { FeatureContext } from './feature-context';

/** The directory person behind this turn, or a refusal a person can read. */
export async function personOf(context: TurnContext, features: FeatureContext): Promise<Result<Person>> {
  const caller = callerOf(context);
  if (!caller) {
    return fail('not-allowed', 'I could not tell who you are. Please use CoC Monitor from Microsoft Teams.');
  }
  return identifyCaller(features.app, caller);
}
