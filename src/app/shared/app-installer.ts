/**
 * The port through which the bot reaches someone who has never opened a chat with it: it installs
 * itself for them (src/graph/ does this through Microsoft Graph) and gets back the address of the
 * personal chat that installing creates. Optional: without it, such a person can't be reached until
 * they message the bot, and the SLL is told so.
 */
import type { Person } from '../../domain/records';
import type { Address } from './notifier';

/** Installs the bot for a person and finds their personal chat with it. */
export interface AppInstaller {
  /**
   * Installs the app for `person` (already installed is fine) and returns the address of their
   * personal chat with the bot, on the bot's connector at `serviceUrl`. Null when it could not (the
   * reason is logged): the caller treats them as not reachable.
   */
  installFor(person: Person, serviceUrl: string): Promise<Address | null>;
}
