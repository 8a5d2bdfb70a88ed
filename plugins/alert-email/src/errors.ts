/**
 * Typed failures of the e-mail channel, translated from nodemailer's error
 * codes (EAUTH, EENVELOPE, ETIMEDOUT, ECONNECTION, ETLS, EPROTOCOL...). Each
 * says where (`destination` = SMTP host:port) and why (`code`, SMTP reply
 * `smtpCode`, `deliveryStatus`); the server's reply text is kept, and the kit's
 * AlertChannelError strips the password and AUTH exchange it may echo.
 */
import { AlertChannelError, type AlertChannelErrorOptions, defineErrorKinds } from "@floe/runtime/plugin-kit";

export type EmailErrorCode =
  | "auth_failed"
  | "recipients_rejected"
  | "message_rejected"
  | "server_error"
  | "tls_failed"
  | "malformed_response"
  | "timeout"
  | "unreachable";

export interface EmailErrorDetails extends AlertChannelErrorOptions {
  code: EmailErrorCode;
  /** SMTP reply code (535, 550, 421...), when the server answered. */
  smtpCode?: number;
  /** Recipients the server refused. */
  rejectedRecipients?: number;
}

export class EmailError extends AlertChannelError {
  override name = "EmailError";
  declare readonly code: EmailErrorCode;
  readonly smtpCode: number | undefined;
  readonly rejectedRecipients: number | undefined;

  constructor(message: string, details: EmailErrorDetails) {
    super(message, details);
    this.smtpCode = details.smtpCode;
    this.rejectedRecipients = details.rejectedRecipients;
  }
}

export const { EmailAuthError, EmailRecipientsRejectedError, EmailServerError, EmailTlsError, EmailProtocolError, EmailTimeoutError, EmailUnreachableError } = defineErrorKinds(EmailError, {
  /** SMTP AUTH refused (535) or not possible (no AUTH offered, or only over TLS). */
  EmailAuthError: {},
  /** Every recipient was refused (550 mailbox unavailable, 553...). */
  EmailRecipientsRejectedError: {},
  /** The server answered an SMTP error to the message or a command (5xx permanent, 4xx transient). */
  EmailServerError: {},
  /** STARTTLS or the TLS handshake failed (untrusted certificate, TLS required but not offered). */
  EmailTlsError: {},
  /** The peer did not speak SMTP (an invalid greeting or reply). */
  EmailProtocolError: {},
  EmailTimeoutError: {},
  EmailUnreachableError: {},
});
export type EmailAuthError = InstanceType<typeof EmailAuthError>;
export type EmailRecipientsRejectedError = InstanceType<typeof EmailRecipientsRejectedError>;
export type EmailServerError = InstanceType<typeof EmailServerError>;
export type EmailTlsError = InstanceType<typeof EmailTlsError>;
export type EmailProtocolError = InstanceType<typeof EmailProtocolError>;
export type EmailTimeoutError = InstanceType<typeof EmailTimeoutError>;
export type EmailUnreachableError = InstanceType<typeof EmailUnreachableError>;

interface NodemailerError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
  rejected?: unknown;
}

/** Turns what nodemailer threw into a typed EmailError with a redacted, sanitized message. */
export function toEmailError(error: unknown, destination: string, secrets: readonly string[]): EmailError {
  if (error instanceof EmailError) return error;
  const e = (error ?? {}) as NodemailerError;
  const nodemailerCode = typeof e.code === "string" ? e.code : "";
  const smtpCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  // Quoted as is: the kit's error base strips `secrets` and sanitizes the whole message.
  const reply = typeof e.response === "string" ? e.response : typeof e.message === "string" ? e.message : String(error);
  const where = `SMTP server ${destination}`;
  const details = { destination, smtpCode, secrets };

  switch (nodemailerCode) {
    case "EAUTH":
      return new EmailAuthError(`${where} refused authentication: ${reply}`, { ...details, code: "auth_failed", deliveryStatus: "rejected" });
    case "EENVELOPE": {
      const rejected = Array.isArray(e.rejected) ? e.rejected.length : undefined;
      return new EmailRecipientsRejectedError(`${where} refused the recipients: ${reply}`, {
        ...details, code: "recipients_rejected", deliveryStatus: "rejected", rejectedRecipients: rejected,
      });
    }
    case "ETIMEDOUT":
      return new EmailTimeoutError(`${where} timed out: ${reply}`, { ...details, code: "timeout", deliveryStatus: "timeout" });
    case "ETLS":
      return new EmailTlsError(`${where} TLS failed: ${reply}`, { ...details, code: "tls_failed", deliveryStatus: "failed" });
    case "EPROTOCOL":
      return new EmailProtocolError(`${where} does not speak SMTP: ${reply}`, {
        ...details, code: "malformed_response", deliveryStatus: "failed",
      });
    case "ECONNECTION":
    case "EDNS":
    case "ECONNREFUSED":
      return new EmailUnreachableError(`${where} is unreachable: ${reply}`, { ...details, code: "unreachable", deliveryStatus: "unreachable" });
    case "ESOCKET":
      if (/certificate|ssl|tls/i.test(reply)) {
        return new EmailTlsError(`${where} TLS failed: ${reply}`, { ...details, code: "tls_failed", deliveryStatus: "failed" });
      }
      return new EmailUnreachableError(`${where} connection failed: ${reply}`, { ...details, code: "unreachable", deliveryStatus: "unreachable" });
    default: {
      const permanent = smtpCode !== undefined && smtpCode >= 500;
      return new EmailServerError(`${where} answered${smtpCode ? ` ${smtpCode}` : ""}: ${reply}`, {
        ...details,
        code: permanent ? "message_rejected" : "server_error",
        deliveryStatus: permanent ? "rejected" : "failed",
      });
    }
  }
}
