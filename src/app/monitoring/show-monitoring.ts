/**
 * What the monitoring card shows (§22-23): how closely a service is monitored, why (the §22
 * triggers that apply), the note, who set it and when, and whether this viewer (the region's HM
 * Inspector) may change it.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { routineLevel } from '../../domain/lifecycle';
import type { MonitoringLevel, Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { nameOf } from '../shared/people';
import { authorizeIn, mayIn, scopeOf } from '../shared/record-scope';

/** A service's monitoring level as `cards/monitoring-card.json` shows it. */
export interface MonitoringCardView {
  serviceCode: string;
  serviceName: string;
  level: MonitoringLevel;
  /** False while no level has ever been set (routine by default). */
  everSet: boolean;
  setByName?: string;
  /** The viewer may set the level (the region's HM Inspector or their stand-in). */
  canSet: boolean;
}

/** The level as stored, or routine when none was ever set. */
export async function currentLevel(
  context: AppContext,
  serviceCode: string,
): Promise<{ level: MonitoringLevel; etag: string | null }> {
  const stored = await context.store.records.getMonitoringLevel(serviceCode);
  return stored
    ? { level: stored.value, etag: stored.etag }
    : { level: routineLevel(serviceCode, '1970-01-01T00:00:00.000Z', 'coc-monitor'), etag: null };
}

/** The monitoring card of a service for `viewer` (null: a notification, with no form). */
export async function monitoringViewFor(
  context: AppContext,
  viewer: Person | null,
  serviceCodeText: string,
  level?: MonitoringLevel,
): Promise<Result<MonitoringCardView>> {
  const code = serviceCodeText.trim().toUpperCase();
  const service = /^[A-Z]{2,5}$/.test(code) ? await context.store.directory.getService(code) : null;
  if (!service) return fail('not-found', `There is no service with the code “${code}”.`);
  let canSet = false;
  if (viewer) {
    const scope = await scopeOf(context, viewer, service.code);
    const allowed = authorizeIn(viewer, 'view', scope);
    if (!allowed.ok) return allowed;
    canSet = mayIn(viewer, 'setMonitoringLevel', scope);
  }
  const shown = level ?? (await currentLevel(context, service.code)).level;
  const everSet = shown.updatedBy !== 'coc-monitor';
  return ok({
    serviceCode: service.code,
    serviceName: service.name,
    level: shown,
    everSet,
    canSet,
    ...(everSet ? { setByName: await nameOf(context, shown.updatedBy, 'someone') } : {}),
  });
}
