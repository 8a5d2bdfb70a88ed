/**
 * The JSON document a webhook receiver gets for an alert (`type: floe.alert`)
 * or a health-check ping (`type: floe.ping`). One serialisation per delivery:
 * the same bytes are signed and re-sent on every retry.
 */
import type { Alert } from "@floe/runtime";

export interface WebhookAlertDocument {
  type: "floe.alert";
  /** The idempotency key, also sent in the idempotency header. */
  id: string;
  severity: Alert["severity"];
  title: string;
  message: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  source?: string;
}

export function toAlertDocument(alert: Alert, id: string, now: Date = new Date()): WebhookAlertDocument {
  const document: WebhookAlertDocument = {
    type: "floe.alert",
    id,
    severity: alert.severity,
    title: alert.title,
    message: alert.message,
    labels: { ...alert.labels },
    annotations: { ...alert.annotations },
    startsAt: (alert.startsAt ?? now).toISOString(),
  };
  if (alert.endsAt) document.endsAt = alert.endsAt.toISOString();
  if (alert.source) document.source = alert.source;
  return document;
}

export function pingDocument(id: string, now: Date = new Date()): { type: "floe.ping"; id: string; sentAt: string } {
  return { type: "floe.ping", id, sentAt: now.toISOString() };
}
