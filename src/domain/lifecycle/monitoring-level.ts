/**
 * Closer monitoring (§22-23). The region's HM Inspector sets how closely a service is monitored:
 * routine, enhanced support (through the NFCC, or peer support from the LGA or other services),
 * a Fire Performance Oversight Group meeting, or discussion with the Home Office. Above routine,
 * the §22 triggers that apply are recorded with it, and a note. Setting it back to routine lifts it.
 */
import { invalid, ok, type FieldIssue, type Result } from '../errors';
import {
  MonitoringLevelKind,
  MonitoringTrigger,
  SupportProvider,
  type AuditEvent,
  type MonitoringLevel,
} from '../records';
import { auditEvent, changedFields, type DecisionContext } from './decision';

/** Each level in words, least close first. */
export const monitoringLevelNames: Record<MonitoringLevelKind, string> = {
  routine: 'Routine monitoring',
  enhancedSupport: 'Enhanced support',
  oversightGroup: 'Fire Performance Oversight Group',
  homeOffice: 'Discussion with the Home Office',
};

/** Each level in a sentence, as §23 puts it. */
export const monitoringLevelDescriptions: Record<MonitoringLevelKind, string> = {
  routine: 'Monitored through the Service Liaison Lead as usual.',
  enhancedSupport:
    'Encouraging enhanced support for the service in tackling its problems, through the NFCC or peer support from the LGA or other services.',
  oversightGroup:
    'A ‘by exception’ Fire Performance Oversight Group meeting, chaired by the HM Inspector, to discuss the ongoing performance issues.',
  homeOffice: 'Discussions with the Home Office: the concerns are serious and may need greater intervention.',
};

/** The §22 triggers in words. */
export const monitoringTriggerNames: Record<MonitoringTrigger, string> = {
  slowProgress: 'Not progressing at a reasonable pace on a cause of concern',
  publicSafety: 'Insufficient progress is affecting public safety',
  reportingLine: 'Information from our independent reporting line',
  intervention: 'May need to be recommended for intervention to the Home Secretary',
  seriousFindings: 'Inspection findings serious enough to move straight to closer monitoring',
};

/** The providers of enhanced support in words. */
export const supportProviderNames: Record<SupportProvider, string> = {
  nfcc: 'NFCC',
  lga: 'LGA peer support',
  otherServices: 'Other services',
};

/** A service without a row is monitored routinely. */
export function routineLevel(serviceCode: string, at: string, by: string): MonitoringLevel {
  return { serviceCode, level: 'routine', triggers: [], support: [], updatedAt: at, updatedBy: by };
}

/**
 * "Enhanced support (NFCC, LGA peer support)", "Fire Performance Oversight Group".
 * @example monitoringLevelInWords({ level: 'enhancedSupport', support: ['nfcc'] }) // 'Enhanced support (NFCC)'
 */
export function monitoringLevelInWords(level: Pick<MonitoringLevel, 'level' | 'support'>): string {
  const name = monitoringLevelNames[level.level];
  if (level.level !== 'enhancedSupport' || level.support.length === 0) return name;
  return `${name} (${level.support.map((s) => supportProviderNames[s]).join(', ')})`;
}

/** Whether a level is closer than routine. */
export function isAboveRoutine(level: Pick<MonitoringLevel, 'level'> | null | undefined): boolean {
  return level !== null && level !== undefined && level.level !== 'routine';
}

/** What the HM Inspector chose on the form, as typed. */
export interface MonitoringLevelInput {
  level: string;
  triggers: readonly string[];
  support: readonly string[];
  note: string;
}

/**
 * Sets a service's monitoring level. Above routine at least one §22 trigger must apply, and
 * enhanced support names who gives it; routine clears the triggers and the support (it lifts
 * closer monitoring). Setting what is already set changes nothing.
 */
export function decideMonitoringLevel(
  current: MonitoringLevel,
  input: MonitoringLevelInput,
  context: DecisionContext,
): Result<{ state: MonitoringLevel; events: AuditEvent[] }> {
  const issues: FieldIssue[] = [];
  const level = MonitoringLevelKind.safeParse(input.level);
  if (!level.success) issues.push({ field: 'level', message: 'must be one of the levels offered' });
  const triggers = input.triggers.map((t) => MonitoringTrigger.safeParse(t));
  const support = input.support.map((t) => SupportProvider.safeParse(t));
  if (triggers.some((t) => !t.success)) issues.push({ field: 'triggers', message: 'must be from the list' });
  if (support.some((t) => !t.success)) issues.push({ field: 'support', message: 'must be from the list' });
  const note = input.note.trim();
  if (note.length > 2000) issues.push({ field: 'note', message: 'must be at most 2000 characters' });
  const chosen = level.success ? level.data : 'routine';
  const above = chosen !== 'routine';
  const triggerValues = [...new Set(triggers.flatMap((t) => (t.success ? [t.data] : [])))];
  const supportValues = [...new Set(support.flatMap((t) => (t.success ? [t.data] : [])))];
  if (level.success && above && triggerValues.length === 0)
    issues.push({ field: 'triggers', message: 'must have at least one trigger above routine monitoring' });
  if (level.success && chosen === 'enhancedSupport' && supportValues.length === 0)
    issues.push({ field: 'support', message: 'must say who gives the enhanced support' });
  if (issues.length > 0) return invalid(issues, 'Check the monitoring level marked below.');

  const state: MonitoringLevel = {
    serviceCode: current.serviceCode,
    level: chosen,
    triggers: above ? triggerValues : [],
    support: chosen === 'enhancedSupport' ? supportValues : [],
    ...(note === '' ? {} : { note }),
    updatedAt: context.now,
    updatedBy: context.actor.objectId,
  };
  const changes = changedFields(current, state, ['level', 'triggers', 'support', 'note']);
  if (changes.length === 0) return ok({ state: current, events: [] });
  const action = above
    ? current.level === 'routine'
      ? 'monitoring.raised'
      : 'monitoring.changed'
    : current.level !== 'routine'
      ? 'monitoring.lifted'
      : 'monitoring.changed';
  const event = auditEvent(
    context,
    action,
    { kind: 'monitoring', id: current.serviceCode, serviceCode: current.serviceCode },
    changes,
    note === '' ? undefined : note,
  );
  return ok({ state, events: [event] });
}
