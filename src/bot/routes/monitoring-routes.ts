/**
 * Closer monitoring in Teams (§22-23): `monitoring <service>` shows how closely a service is
 * monitored and, for the region's HM Inspector, the form that sets it; its Save sets the level
 * (src/app/monitoring/monitoring-answers.ts). The service's SLLs and the region's CoS are told
 * after the answer (notify-monitoring.ts).
 */
import { z } from 'zod';
import { monitoringCard, setMonitoringAnswer } from '../../app/monitoring/monitoring-answers';
import { renderMonitoringAnswer } from '../../views/monitoring/monitoring-cards';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';
import { typedOrEmpty, typedText } from './form-inputs';

/** A multi-select's value as Teams sends it: the chosen values, comma-separated. */
const chosen = typedText.transform((value) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
);

const SetLevelData = z.object({
  serviceCode: z.string().min(1).max(10),
  updatedAt: z
    .string()
    .max(40)
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
  level: typedOrEmpty,
  triggers: chosen,
  support: chosen,
  note: typedOrEmpty,
});

const monitoringUsage = 'Type monitoring and a service code, for example: monitoring BUC.';

/** Registers `monitoring <service>` and the level form's Save. */
export function registerMonitoringRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^monitoring(?:\s+(\S+))?\s*$/i,
    read: ([, code]) =>
      code === undefined ? usage(renderNoticeCard('Which service?', monitoringUsage)) : withArgs(code),
    handle: async ({ person }, code) => renderMonitoringAnswer(await monitoringCard(tools.app, person, code)),
  });

  onCardAction(app, tools, {
    verb: 'setMonitoringLevel',
    data: SetLevelData,
    handle: async ({ person }, data) =>
      renderMonitoringAnswer(await setMonitoringAnswer(tools.app, person, data)),
  });
}
