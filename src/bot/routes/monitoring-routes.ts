/**
 * Closer monitoring in Teams (§22-23): `monitoring <service>` shows how closely a service is
 * monitored and, for the region's HM Inspector, the form that sets it; its Save sets the level.
 * The service's SLLs and the region's CoS are told after the answer (notify-monitoring.ts).
 */
import { z } from 'zod';
import { setMonitoringLevel } from '../../app/monitoring/set-monitoring-level';
import { monitoringViewFor } from '../../app/monitoring/show-monitoring';
import { monitoringLevelInWords } from '../../domain/lifecycle';
import type { Person } from '../../domain/records';
import {
  monitoringFieldSentence,
  renderMonitoringCard,
  type MonitoringFormValues,
} from '../../views/monitoring/monitoring-cards';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';
import { typedText } from './form-inputs';

const SetLevelData = z.object({
  serviceCode: z.string().min(1).max(10),
  updatedAt: z.string().max(40).optional(),
  level: typedText,
  triggers: typedText,
  support: typedText,
  note: typedText,
});

const monitoringUsage = 'Type monitoring and a service code, for example: monitoring BUC.';

/** A multi-select's value as Teams sends it: the chosen values, comma-separated. */
const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

async function monitoringCardFor(
  tools: RouteTools,
  person: Person,
  serviceCode: string,
): Promise<AdaptiveCardJson> {
  const view = await monitoringViewFor(tools.app, person, serviceCode);
  return view.ok
    ? renderMonitoringCard(view.value)
    : renderNoticeCard(`Can't show the monitoring of ${serviceCode.toUpperCase()}`, view.error.reason);
}

/** Registers `monitoring <service>` and the level form's Save. */
export function registerMonitoringRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^monitoring(?:\s+(\S+))?\s*$/i,
    read: ([, code]) =>
      code === undefined ? usage(renderNoticeCard('Which service?', monitoringUsage)) : withArgs(code),
    handle: ({ person }, code) => monitoringCardFor(tools, person, code),
  });

  onCardAction(app, tools, {
    verb: 'setMonitoringLevel',
    data: SetLevelData,
    handle: async ({ person }, data) => {
      const values: MonitoringFormValues = {
        level: data.level ?? '',
        triggers: listOf(data.triggers),
        support: listOf(data.support),
        note: data.note ?? '',
      };
      const saved = await setMonitoringLevel(tools.app, person, {
        serviceCode: data.serviceCode,
        updatedAt: data.updatedAt === '' ? undefined : data.updatedAt,
        ...values,
      });
      const view = await monitoringViewFor(tools.app, person, data.serviceCode);
      if (!view.ok)
        return renderNoticeCard('Nothing was saved', saved.ok ? view.error.reason : saved.error.reason);
      if (!saved.ok) {
        const errors =
          saved.error.code === 'validation'
            ? Object.fromEntries(
                saved.error.issues.map((i) => [i.field, monitoringFieldSentence(i.field, i.message)]),
              )
            : {};
        return renderMonitoringCard(view.value, {
          notice: { text: `Nothing was saved. ${saved.error.reason}`, tone: 'attention' },
          values,
          errors,
        });
      }
      const text = saved.value.changed
        ? `Saved: the monitoring of ${view.value.serviceName} is now ${monitoringLevelInWords(saved.value.level)}. Its Service Liaison Leads and the Chief of Staff are being told.`
        : 'Nothing changed: that is the level already set.';
      return renderMonitoringCard(view.value, { notice: { text, tone: 'good' } });
    },
  });
}
