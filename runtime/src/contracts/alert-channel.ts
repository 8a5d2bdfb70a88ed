/** Contract for ALERT_CHANNEL plugins: deliver an alert, report channel health. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type AlertSeverity = "info" | "warning" | "critical";

export interface Alert {
  title: string;
  message: string;
  severity: AlertSeverity;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: Date;
  endsAt?: Date;
  source?: string;
}

export interface AlertDeliveryResult {
  delivered: boolean;
  destination: string;
  attempts?: number;
  id?: string;
}

export interface HealthStatus {
  healthy: boolean;
  detail?: string;
}

export abstract class AlertChannelPlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.ALERT_CHANNEL {
    return PluginType.ALERT_CHANNEL;
  }
  abstract sendAlert(alert: Alert): Promise<AlertDeliveryResult>;
  abstract healthCheck(): Promise<HealthStatus>;
}
