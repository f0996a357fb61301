/**
 * OpenTelemetry to Application Insights, on only when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
 *
 * The Azure Monitor distro exports traces (incoming requests, Table Storage calls), metrics and
 * logs. Each turn is also a span of its own, `turn <type>`, carrying the same correlation id as
 * the JSON logs and the apology card, and nothing about the person: ids of the activity, never
 * names or text.
 */
import type * as AzureMonitor from '@azure/monitor-opentelemetry';
import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/** A started exporter; `shutdown` flushes what is buffered. */
export interface Telemetry {
  shutdown(): Promise<void>;
}

/** Starts the exporter, or returns undefined when there is no connection string. */
export function startTelemetry(connectionString: string | undefined): Telemetry | undefined {
  if (connectionString === undefined) return undefined;
  // Loaded only when telemetry is on: the distro takes some 400 ms to load, a third of start-up.
  const { useAzureMonitor, shutdownAzureMonitor } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@azure/monitor-opentelemetry') as typeof AzureMonitor;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    // Every turn: the bot sees a few hundred a day, and the default rate-limited sampler drops the
    // first spans after start-up.
    tracesPerSecond: 0,
    samplingRatio: 1,
    instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
  });
  return { shutdown: () => shutdownAzureMonitor() };
}

/** What a turn span records: ids and outcomes only. */
export interface TurnFacts {
  correlationId: string;
  activityType?: string | undefined;
  invokeName?: string | undefined;
  channelId?: string | undefined;
  conversationType?: string | undefined;
}

/**
 * Runs `work` inside a span for one turn and ends it with the HTTP status. Without a registered
 * provider (no connection string) the OpenTelemetry API makes this a no-op.
 */
export async function inTurnSpan(
  facts: TurnFacts,
  work: () => Promise<void>,
  statusCode: () => number,
): Promise<void> {
  // Asked for on each turn: a tracer taken before `startTelemetry` stays a no-op.
  return trace
    .getTracer('coc-monitor')
    .startActiveSpan(`turn ${facts.activityType ?? 'unknown'}`, async (span: Span) => {
      span.setAttribute('coc.correlation_id', facts.correlationId);
      for (const [name, value] of Object.entries({
        'coc.activity_type': facts.activityType,
        'coc.invoke_name': facts.invokeName,
        'coc.channel_id': facts.channelId,
        'coc.conversation_type': facts.conversationType,
      }))
        if (value !== undefined) span.setAttribute(name, value);
      try {
        await work();
        const status = statusCode();
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      } catch (error) {
        // The error's name only: messages can quote what a person typed.
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.name : 'error',
        });
        throw error;
      } finally {
        span.end();
      }
    });
}
