/**
 * The monitoring card (§22-23): a service's monitoring level, why, the note and who set it; for
 * the region's HM Inspector, the form that sets it. The same card tells the SLLs and the CoS when
 * it changes. The note is user text and is escaped.
 */
import { formatLongDate, toLondonDate } from '../../domain/clock';
import {
  monitoringLevelDescriptions,
  monitoringLevelInWords,
  monitoringLevelNames,
  monitoringTriggerNames,
  supportProviderNames,
} from '../../domain/lifecycle';
import { MonitoringLevelKind, MonitoringTrigger, SupportProvider } from '../../domain/records';
import type { MonitoringAnswer, MonitoringFormValues } from '../../app/monitoring/monitoring-answers';
import type { MonitoringCardView } from '../../app/monitoring/show-monitoring';
import type { Notice } from '../../app/shared/notifier';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import { renderNoticeAnswer } from '../records/record-cards';

const fieldLabels: Record<string, string> = {
  level: 'Level',
  triggers: 'Triggers',
  support: 'Enhanced support',
  note: 'Note',
};

/** "Triggers must have at least one trigger above routine monitoring." */
function monitoringFieldSentence(field: string, message: string): string {
  return `${fieldLabels[field] ?? field} ${message}.`;
}

/** Renders the monitoring card for the view's viewer. */
export function renderMonitoringCard(
  view: MonitoringCardView,
  options: { notice?: Notice; values?: MonitoringFormValues; errors?: Record<string, string> } = {},
): AdaptiveCardJson {
  const { level } = view;
  const errors = options.errors ?? {};
  const values = options.values ?? {
    level: level.level,
    triggers: level.triggers,
    support: level.support,
    note: level.note ?? '',
  };
  const facts = view.everSet
    ? [
        {
          title: level.level === 'routine' ? 'Set to routine by' : 'Set by',
          value: `${view.setByName ?? 'someone'} on ${formatLongDate(toLondonDate(level.updatedAt))}`,
        },
        ...(level.note ? [{ title: 'Note', value: escapeMarkdown(level.note) }] : []),
      ]
    : [{ title: 'Set by', value: 'Never changed: routine monitoring' }];
  return renderCard('monitoring-card', {
    notice: options.notice ? escapeMarkdown(options.notice.text) : '',
    noticeStyle: options.notice?.tone ?? 'default',
    heading: `Monitoring of ${view.serviceName}`,
    levelName: monitoringLevelInWords(level),
    description: monitoringLevelDescriptions[level.level],
    facts,
    triggers: level.triggers.map((t) => ({ text: monitoringTriggerNames[t] })),
    canSet: view.canSet,
    levelChoices: MonitoringLevelKind.options.map((value) => ({ title: monitoringLevelNames[value], value })),
    triggerChoices: MonitoringTrigger.options.map((value) => ({
      title: monitoringTriggerNames[value],
      value,
    })),
    supportChoices: SupportProvider.options.map((value) => ({ title: supportProviderNames[value], value })),
    values: {
      level: values.level,
      triggers: values.triggers.join(','),
      support: values.support.join(','),
      note: values.note,
    },
    errors: {
      level: errors.level ?? '',
      triggers: errors.triggers ?? '',
      support: errors.support ?? '',
      note: errors.note ?? '',
    },
    serviceCode: view.serviceCode,
    updatedAt: view.everSet ? level.updatedAt : '',
  });
}

/** The card the service's SLLs and the region's CoS get when the level changes. */
export function renderMonitoringChangedCard(view: MonitoringCardView, notice: Notice): AdaptiveCardJson {
  return renderMonitoringCard({ ...view, canSet: false }, { notice });
}

/** A monitoring command's or button's answer, drawn. */
export function renderMonitoringAnswer(answer: MonitoringAnswer): AdaptiveCardJson {
  if (answer.kind === 'notice') return renderNoticeAnswer(answer);
  const { view, notice, refused } = answer;
  const errors = Object.fromEntries(
    (refused?.issues ?? []).map((i) => [i.field, monitoringFieldSentence(i.field, i.message)]),
  );
  return renderMonitoringCard(view, {
    ...(notice ? { notice } : {}),
    ...(refused ? { values: refused.values, errors } : {}),
  });
}
