/**
 * Use case: the region's HM Inspector sets how closely a service is monitored (§22-23), with the
 * triggers that apply and a note; routine lifts closer monitoring. The level and its audit event
 * are saved in one transaction in the service's partition; the service's Service Liaison Leads
 * and the region's Chief of Staff are told after the answer.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { decideMonitoringLevel, type MonitoringLevelInput } from '../../domain/lifecycle';
import type { MonitoringLevel, Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord, type Loaded } from '../shared/change-record';
import { monitoringLevels } from '../shared/record-kinds';
import { monitoringChangedJob } from './notify-monitoring';
import { currentLevel } from './show-monitoring';

/** What the HM Inspector chose on the form. */
export interface SetMonitoringInput extends MonitoringLevelInput {
  serviceCode: string;
  /** The `updatedAt` of the level the form showed. */
  updatedAt?: string | undefined;
}

/** The level saved (the same level when nothing changed), and whether it changed. */
export interface MonitoringSet {
  level: MonitoringLevel;
  changed: boolean;
}

async function load(context: AppContext, serviceCodeText: string): Promise<Result<Loaded<MonitoringLevel>>> {
  const code = serviceCodeText.trim().toUpperCase();
  const service = /^[A-Z]{2,5}$/.test(code) ? await context.store.directory.getService(code) : null;
  if (!service) return fail('not-found', monitoringLevels.notFound(code));
  const { level, etag } = await currentLevel(context, service.code);
  return ok({ kind: monitoringLevels, partition: service.code, record: { value: level, etag: etag ?? '' } });
}

/** Sets the level through the change pipeline. */
export async function setMonitoringLevel(
  context: AppContext,
  actor: Person,
  input: SetMonitoringInput,
): Promise<Result<MonitoringSet>> {
  const result = await changeRecord(context, actor, {
    action: 'setMonitoringLevel',
    load: () => load(context, input.serviceCode),
    expectedUpdatedAt: input.updatedAt,
    fields: ok(input),
    decide: (loaded, fields, decision) => {
      const decided = decideMonitoringLevel(loaded.record.value, fields, decision);
      if (!decided.ok) return decided;
      const { state, events } = decided.value;
      const { etag } = loaded.record;
      const entity = { type: 'monitoring' as const, value: state };
      return ok({
        events,
        also:
          events.length === 0
            ? []
            : [etag === '' ? { kind: 'create', entity } : { kind: 'update', entity, etag }],
        outcome: state,
        jobs: events.length === 0 ? [] : [monitoringChangedJob(decision.actor, state)],
      });
    },
    whenConflict: () =>
      Promise.resolve(
        fail(
          'conflict',
          'The monitoring level was changed by someone else just now. Open it again and check.',
        ),
      ),
  });
  if (!result.ok) return result;
  const level = result.value.outcome ?? result.value.previous;
  return ok({ level, changed: result.value.events.length > 0 });
}
