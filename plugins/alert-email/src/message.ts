/**
 * Renders an alert as an e-mail: a subject with severity, a plain-text body
 * and an HTML body (escaped, a severity colour bar, labels as a table, a link
 * to the source), plus `X-Floe-*` headers mail filters can route on.
 */
import type { Alert, AlertSeverity } from "@floe/runtime";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const SEVERITY_COLOUR: Record<AlertSeverity, string> = { critical: "#d32f2f", warning: "#f57c00", info: "#1976d2" };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Subjects are one line: newlines would start new headers. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

export function renderEmail(alert: Alert, subjectPrefix: string, id: string): RenderedEmail {
  const severity = alert.severity.toUpperCase();
  const subject = oneLine(`${subjectPrefix ? `${subjectPrefix} ` : ""}[${severity}] ${alert.title}`);
  const labels = Object.entries(alert.labels ?? {});
  const annotations = Object.entries(alert.annotations ?? {});
  const startsAt = (alert.startsAt ?? new Date()).toISOString();

  const textLines = [`${severity}: ${alert.title}`, "", alert.message, "", `Started: ${startsAt}`];
  if (alert.endsAt) textLines.push(`Ended: ${alert.endsAt.toISOString()}`);
  for (const [name, value] of [...labels, ...annotations]) textLines.push(`${name}: ${value}`);
  if (alert.source) textLines.push("", `Source: ${alert.source}`);

  const rows = [...labels, ...annotations]
    .map(([name, value]) => `<tr><th align="left">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("");
  const html = [
    `<div style="border-left:6px solid ${SEVERITY_COLOUR[alert.severity]};padding:8px 16px;font-family:sans-serif">`,
    `<h2 style="margin:0">${escapeHtml(severity)}: ${escapeHtml(alert.title)}</h2>`,
    `<p>${escapeHtml(alert.message).replace(/\n/g, "<br>")}</p>`,
    `<p>Started: ${escapeHtml(startsAt)}${alert.endsAt ? `<br>Ended: ${escapeHtml(alert.endsAt.toISOString())}` : ""}</p>`,
    rows ? `<table>${rows}</table>` : "",
    alert.source ? `<p><a href="${escapeHtml(alert.source)}">Open in floe</a></p>` : "",
    `</div>`,
  ].join("");

  return {
    subject,
    text: textLines.join("\n"),
    html,
    headers: { "X-Floe-Severity": alert.severity, "X-Floe-Alert-Id": id },
  };
}
