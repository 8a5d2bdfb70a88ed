/**
 * `EmailAlertPlugin`: delivers floe alerts by SMTP with nodemailer (STARTTLS
 * whenever the server offers it, or implicit TLS, SMTP AUTH), as a text and an
 * HTML body to several recipients. Spans name the SMTP host and the number of
 * recipients (addresses are personal data, not span attributes), and never the
 * password nor the AUTH exchange a server may echo back.
 */
import { randomUUID } from "node:crypto";
import type { Span } from "@opentelemetry/api";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import { AlertChannelPlugin, type Alert, type AlertDeliveryResult, type FloeContext, type HealthStatus } from "@floe/runtime";
import {
  checkChannelHealth,
  deliveredResult,
  parseConfig,
  recordDeliveryFailure,
  type AlertChannelError,
} from "@floe/runtime/plugin-kit";
import { emailConfigSchema, type EmailConfig, type EmailConfigInput } from "./config.js";
import { EmailError, toEmailError } from "./errors.js";
import { renderEmail } from "./message.js";
import { ATTRIBUTES, alertSpan, tracing } from "./tracing.js";

const CHANNEL = "email";

/** The SMTP reply code at the start of a reply line (`250 2.0.0 Ok: queued` -> 250). */
function replyCode(response: string | undefined): number | undefined {
  const match = /^(\d{3})\b/.exec(response ?? "");
  return match ? Number(match[1]) : undefined;
}

/** The password and the encodings of it an SMTP server could echo (AUTH PLAIN and AUTH LOGIN payloads). */
function authSecrets(auth: EmailConfig["auth"]): string[] {
  if (!auth) return [];
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  return [auth.pass, b64(`\u0000${auth.user}\u0000${auth.pass}`), b64(auth.pass)];
}

export class EmailAlertPlugin extends tracing.Plugin(AlertChannelPlugin) {
  private readonly config: EmailConfig;
  /** `host:port` of the SMTP server: what spans and errors name as the destination. */
  readonly destination: string;
  private readonly floeContext: FloeContext | undefined;
  private readonly secrets: readonly string[];
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(config: EmailConfigInput) {
    super();
    this.config = parseConfig(this.name, emailConfigSchema, config, { code: "invalid_config" });
    const { host, port, auth, tls, timeoutMs } = this.config;
    this.destination = `${host}:${port}`;
    this.floeContext = this.config.floe;
    this.secrets = authSecrets(auth);
    this.transport = nodemailer.createTransport({
      host,
      port,
      secure: this.config.secure ?? port === 465,
      requireTLS: this.config.requireTLS,
      auth: auth ? { user: auth.user, pass: auth.pass } : undefined,
      tls: tls ? { ca: tls.ca, rejectUnauthorized: tls.rejectUnauthorized, servername: tls.servername } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  private get recipientCount(): number {
    return this.config.to.length + (this.config.cc?.length ?? 0) + (this.config.bcc?.length ?? 0);
  }

  async sendAlert(alert: Alert): Promise<AlertDeliveryResult> {
    return alertSpan(
      "sendAlert",
      {
        [ATTRIBUTES.CHANNEL]: CHANNEL,
        [ATTRIBUTES.DESTINATION]: this.destination,
        [ATTRIBUTES.SEVERITY]: alert.severity,
        [ATTRIBUTES.RECIPIENT_COUNT]: this.recipientCount,
      },
      async (span) => {
        const rendered = renderEmail(alert, this.config.subjectPrefix, alert.id ?? randomUUID());
        try {
          const info = await this.transport.sendMail({
            from: this.config.from,
            to: this.config.to,
            cc: this.config.cc,
            bcc: this.config.bcc,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            headers: rendered.headers,
          });
          const code = replyCode(info.response);
          if (code !== undefined) span.setAttribute(ATTRIBUTES.SMTP_RESPONSE_CODE, code);
          if (info.rejected.length > 0) {
            span.addEvent("email.recipients_rejected", { [ATTRIBUTES.RECIPIENT_COUNT]: info.rejected.length });
          }
          return deliveredResult(span, ATTRIBUTES, { destination: this.destination, id: info.messageId });
        } catch (error) {
          const typed = toEmailError(error, this.destination, this.secrets);
          recordFailure(span, typed);
          throw typed;
        }
      },
      { floe: this.floeContext },
    );
  }

  /** Connects, greets, upgrades with STARTTLS when offered, authenticates, and quits: nodemailer's `verify()`. */
  async healthCheck(): Promise<HealthStatus> {
    return alertSpan(
      "healthCheck",
      { [ATTRIBUTES.CHANNEL]: CHANNEL, [ATTRIBUTES.DESTINATION]: this.destination },
      (span) =>
        checkChannelHealth(
          span,
          {
            destination: this.destination,
            attributes: ATTRIBUTES,
            secrets: this.secrets,
            onUnhealthy: (error) => recordSmtpCode(span, error),
          },
          async () => {
            await this.transport.verify().catch((error: unknown) => {
              throw toEmailError(error, this.destination, this.secrets);
            });
            return "connected, greeted and authenticated";
          },
        ),
      { floe: this.floeContext },
    );
  }

  /** Releases the transport (pooled connections, if any). */
  close(): void {
    this.transport.close();
  }
}

/** Where and why, on the span, before the (sanitized) error itself is recorded by the span helper. */
function recordFailure(span: Span, error: EmailError): void {
  recordDeliveryFailure(span, ATTRIBUTES, error);
  recordSmtpCode(span, error);
}

/** The SMTP reply code that came with a failure, when the server answered. */
function recordSmtpCode(span: Span, error: AlertChannelError): void {
  if (error instanceof EmailError && error.smtpCode !== undefined) span.setAttribute(ATTRIBUTES.SMTP_RESPONSE_CODE, error.smtpCode);
}
