/**
 * What every use case is given: the store, the clock, an id source and the outbox its changes'
 * follow-up work goes through. Bot handlers and the scheduler build one of these at start-up;
 * tests build one with a fixed clock.
 */
import { randomUUID } from 'node:crypto';
import type { LocalDate } from '../../domain/records';
import { toLondonDate } from '../../domain/clock';
import type { Store } from '../../store';
import type { AppInstaller } from './app-installer';
import { instanceId } from './instance';
import { createOutbox, type Outbox } from './outbox';

export interface AppContext {
  store: Store;
  /** The current time; tests pass a fixed clock. */
  now: () => Date;
  newId: () => string;
  /** Entra object ids who are admins even before the directory lists them (first-admin setup). */
  bootstrapAdminObjectIds: readonly string[];
  /** Tenants whose users may use the bot; empty means any tenant the directory knows. */
  allowedTenantIds: readonly string[];
  /** Bank holidays announced after the date-holidays release in use. */
  extraHolidays: readonly LocalDate[];
  /** Where follow-up work of changes goes (src/app/shared/outbox.ts). */
  outbox: Outbox;
  /** Installs the bot for someone it has no chat with (Microsoft Graph); unset when not configured. */
  installer?: AppInstaller;
}

/** Builds an AppContext with the real clock and random ids, overriding what is given. */
export function createAppContext(
  store: Store,
  overrides: Partial<Omit<AppContext, 'store'>> = {},
): AppContext {
  const now = overrides.now ?? (() => new Date());
  return {
    store,
    now,
    newId: () => randomUUID(),
    bootstrapAdminObjectIds: [],
    allowedTenantIds: [],
    extraHolidays: [],
    outbox: createOutbox({ store, now: () => now(), claimant: instanceId }),
    ...overrides,
  };
}

/** Today's date in Europe/London by the context's clock. */
export function todayOf(context: AppContext): LocalDate {
  return toLondonDate(context.now());
}

/** The context's clock as an ISO instant, for `now` in decisions. */
export function nowOf(context: AppContext): string {
  return context.now().toISOString();
}
