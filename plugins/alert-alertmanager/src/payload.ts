/**
 * Maps a floe `Alert` to Alertmanager's `postableAlert` (API v2): identity in
 * labels (`alertname`, `severity`, the caller's and the channel's defaults),
 * text in annotations (`summary`, `description`), RFC 3339 times and the
 * optional `generatorURL` back to what raised it.
 */
import type { Alert } from "@floe/runtime";
import { LABEL_NAME } from "./config.js";

export interface PostableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL?: string;
}

/** Label names Alertmanager would refuse, so the caller hears it before a round trip. */
export function invalidLabelNames(alert: Alert): string[] {
  return Object.keys(alert.labels ?? {}).filter((name) => !LABEL_NAME.test(name));
}

export function toPostableAlert(alert: Alert, defaultLabels: Record<string, string>, now: Date = new Date()): PostableAlert {
  const labels: Record<string, string> = {
    ...defaultLabels,
    ...alert.labels,
    alertname: alert.labels?.alertname ?? alert.title,
    severity: alert.severity,
  };
  const postable: PostableAlert = {
    labels,
    annotations: { summary: alert.title, description: alert.message, ...alert.annotations },
    startsAt: (alert.startsAt ?? now).toISOString(),
  };
  if (alert.endsAt) postable.endsAt = alert.endsAt.toISOString();
  if (alert.source) postable.generatorURL = alert.source;
  return postable;
}
