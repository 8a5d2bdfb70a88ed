/**
 * Builds the Block Kit message for an alert: severity drives the emoji and
 * header, the message is a mrkdwn section, labels become fields, and the source
 * a button. Respects Slack's limits (header 150 chars, section 3000, 10 fields,
 * field 2000) and escapes `&`, `<`, `>` as Slack's mrkdwn requires.
 */
import type { Alert, AlertSeverity } from "@floe/runtime";

export interface SlackMessage {
  /** Notification / fallback text. */
  text: string;
  blocks: SlackBlock[];
}

export type SlackBlock = Record<string, unknown> & { type: string };

const SEVERITY_STYLE: Record<AlertSeverity, { emoji: string; label: string }> = {
  critical: { emoji: ":red_circle:", label: "Critical" },
  warning: { emoji: ":large_orange_circle:", label: "Warning" },
  info: { emoji: ":large_blue_circle:", label: "Info" },
};

export const LIMITS = { header: 150, section: 3000, fields: 10, field: 2000, buttonText: 75 } as const;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface BlockOptions {
  /** Mention prepended to critical alerts (`<!here>`), passed through unescaped. */
  mentionOnCritical?: string;
}

export function buildSlackMessage(alert: Alert, options: BlockOptions = {}): SlackMessage {
  const style = SEVERITY_STYLE[alert.severity];
  const mention = alert.severity === "critical" && options.mentionOnCritical ? `${options.mentionOnCritical} ` : "";
  const blocks: SlackBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: truncate(`${style.emoji} ${alert.title}`, LIMITS.header), emoji: true },
    },
    {
      type: "section",
      text: { type: "mrkdwn", text: truncate(`${mention}${escapeMrkdwn(alert.message)}`, LIMITS.section) },
    },
  ];

  const fields = [
    `*Severity*\n${style.label}`,
    ...Object.entries(alert.labels ?? {}).map(([name, value]) => `*${escapeMrkdwn(name)}*\n${escapeMrkdwn(value)}`),
  ]
    .slice(0, LIMITS.fields)
    .map((text) => ({ type: "mrkdwn", text: truncate(text, LIMITS.field) }));
  blocks.push({ type: "section", fields });

  const context: string[] = [];
  const startsAt = alert.startsAt ?? new Date();
  const epoch = Math.floor(startsAt.getTime() / 1000);
  context.push(`Started <!date^${epoch}^{date_short_pretty} {time}|${startsAt.toISOString()}>`);
  for (const [name, value] of Object.entries(alert.annotations ?? {})) context.push(`${escapeMrkdwn(name)}: ${escapeMrkdwn(value)}`);
  blocks.push({ type: "context", elements: context.slice(0, 10).map((text) => ({ type: "mrkdwn", text: truncate(text, LIMITS.field) })) });

  if (alert.source) {
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Open in floe" }, url: alert.source }],
    });
  }

  return { text: `${mention}${style.emoji} [${style.label.toUpperCase()}] ${alert.title}`, blocks };
}
