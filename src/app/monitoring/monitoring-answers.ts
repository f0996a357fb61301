/**
 * What `monitoring <service>` and the level form's Save answer (§22-23), as data for
 * src/views/monitoring to draw: the monitoring card, with a notice (and, after a refused save, what
 * was chosen and the fields at fault), or a notice saying why not.
 */
import type { FieldIssue } from '../../domain/errors';
import { monitoringLevelInWords } from '../../domain/lifecycle';
import type { Person } from '../../domain/records';
import { issuesOf, noticeAnswer, type NoticeAnswer } from '../shared/answer';
import type { AppContext } from '../shared/app-context';
import type { Notice } from '../shared/notifier';
import { setMonitoringLevel, type SetMonitoringInput } from './set-monitoring-level';
import { monitoringViewFor, type MonitoringCardView } from './show-monitoring';

/** What the HM Inspector chose, after a refused save. */
export interface MonitoringFormValues {
  level: string;
  triggers: string[];
  support: string[];
  note: string;
}

/** A monitoring command's or button's answer. */
export type MonitoringAnswer =
  | NoticeAnswer
  | {
      kind: 'monitoring';
      view: MonitoringCardView;
      notice?: Notice;
      /** After a refused save: what was chosen, and the fields at fault. */
      refused?: { values: MonitoringFormValues; issues: readonly FieldIssue[] };
    };

/** The monitoring card of a service for this person, or why not. */
export async function monitoringCard(
  context: AppContext,
  person: Person,
  serviceCode: string,
): Promise<MonitoringAnswer> {
  const view = await monitoringViewFor(context, person, serviceCode);
  return view.ok
    ? { kind: 'monitoring', view: view.value }
    : noticeAnswer(`Can't show the monitoring of ${serviceCode.toUpperCase()}`, view.error.reason);
}

/** Sets the level the form chose: the card with what was saved, or with why nothing was. */
export async function setMonitoringAnswer(
  context: AppContext,
  person: Person,
  input: SetMonitoringInput & MonitoringFormValues,
): Promise<MonitoringAnswer> {
  const saved = await setMonitoringLevel(context, person, input);
  const view = await monitoringViewFor(context, person, input.serviceCode);
  if (!view.ok) return noticeAnswer('Nothing was saved', saved.ok ? view.error.reason : saved.error.reason);
  if (!saved.ok) {
    const { level, triggers, support, note } = input;
    return {
      kind: 'monitoring',
      view: view.value,
      notice: { text: `Nothing was saved. ${saved.error.reason}`, tone: 'attention' },
      refused: { values: { level, triggers, support, note }, issues: issuesOf(saved.error) },
    };
  }
  const text = saved.value.changed
    ? `Saved: the monitoring of ${view.value.serviceName} is now ${monitoringLevelInWords(saved.value.level)}. Its Service Liaison Leads and the Chief of Staff are being told.`
    : 'Nothing changed: that is the level already set.';
  return { kind: 'monitoring', view: view.value, notice: { text, tone: 'good' } };
}
