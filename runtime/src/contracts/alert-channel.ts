/**
 * Contract for ALERT_CHANNEL plugins: deliver an alert, report channel health.
 *
 * Delivery failures are thrown as typed errors (after the plugin has recorded
 * where and why on its `alert.sendAlert` span); a health check never throws for
 * an unhealthy peer, it reports it.
 */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type AlertSeverity = "info" | "warning" | "critical";

export const ALERT_SEVERITIES: readonly AlertSeverity[] = ["info", "warning", "critical"];

export interface Alert {
  /** One-line summary (Alertmanager `summary`, e-mail subject, Slack header). */
  title: string;
  /** Body text. */
  message: string;
  severity: AlertSeverity;
  /** Identifying labels (Alertmanager labels, Slack fields). */
  labels?: Record<string, string>;
  /** Non-identifying extra information. */
  annotations?: Record<string, string>;
  startsAt?: Date;
  endsAt?: Date;
  /** Link back to what raised the alert (Alertmanager `generatorURL`, a Slack button). */
  source?: string;
  /** Stable id for de-duplication and idempotency; plugins generate one when absent. */
  id?: string;
}

/**
 * Outcome recorded in `alert.delivery_status`: `delivered`, or why not:
 * `rejected` (the peer refused it: 4xx, auth, bad payload), `failed` (5xx,
 * malformed answer), `rate_limited`, `timeout`, `unreachable` (connection refused, DNS).
 */
export type AlertDeliveryStatus = "delivered" | "rejected" | "failed" | "rate_limited" | "timeout" | "unreachable";

export interface AlertDeliveryResult {
  delivered: boolean;
  status: AlertDeliveryStatus;
  /** Where it went, safe to log: a host, a channel name, never a URL carrying a token. */
  destination: string;
  /** Delivery attempts made (1 without retries). */
  attempts: number;
  /** Id of the delivered alert (message id, idempotency key). */
  id?: string;
}

export interface HealthStatus {
  healthy: boolean;
  /** Host or channel name checked, safe to log. */
  destination?: string;
  /** Why it is unhealthy (sanitized), or what was checked. */
  detail?: string;
}

export abstract class AlertChannelPlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.ALERT_CHANNEL {
    return PluginType.ALERT_CHANNEL;
  }
  /** Delivers the alert; throws a typed error when it was not delivered. */
  abstract sendAlert(alert: Alert): Promise<AlertDeliveryResult>;
  /** Whether the channel can deliver right now; never throws for an unhealthy peer. */
  abstract healthCheck(): Promise<HealthStatus>;
}
