/**
 * Messaging, email and social: Slack, Telegram bots, Twilio, SendGrid, Sendinblue/Brevo, Mailgun,
 * Mailchimp, Facebook (app tokens, page tokens), Twitter/X app bearer tokens, MessageBird-style keys, Frame.io, Typeform.
 */
import { END, type VendorFormat } from "./format.js";

export const MESSAGING_FORMATS: readonly VendorFormat[] = [
  { vendor: "slack-token", pattern: "(?:xox[a-z](?:\\.xox[a-z])?|xapp)-[A-Za-z0-9\\-]{8,}", check: (t) => /[0-9]/.test(t) },
  // `<bot id>:<35 characters starting with A>`, what BotFather hands out.
  { vendor: "telegram-bot", pattern: "\\d{5,16}:A[A-Za-z0-9_\\-]{34}" + END, hint: /\d:A/, literal: ":A" },
  { vendor: "twilio", pattern: "SK[0-9a-fA-F]{32}(?![A-Za-z0-9])" },
  { vendor: "sendgrid", pattern: "SG\\.(?:[A-Za-z0-9_\\-=]{16,}\\.[A-Za-z0-9_\\-=]{16,}|[A-Za-z0-9_\\-=.]{60,})" },
  { vendor: "sendinblue", pattern: "x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}" },
  { vendor: "mailgun", pattern: "(?:key|pubkey)-[0-9a-f]{32}(?![A-Za-z0-9])" },
  { vendor: "mailgun-signing-key", pattern: "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}" + END, hint: /mailgun/i },
  { vendor: "mailchimp", pattern: "[a-f0-9]{32}-us\\d{1,2}(?![A-Za-z0-9])", hint: /-us\d/, literal: "-us" },
  // App access tokens are `<15-16 digit app id>|<app secret>`; page/user tokens start `EAA` + a type letter.
  { vendor: "facebook-app-token", pattern: "\\d{15,16}(?:\\||%7[Cc])[0-9A-Za-z_\\-]{27,40}" + END, hint: /\d(?:\||%7[Cc])/, literal: ["|", "%7"] },
  { vendor: "facebook-access-token", pattern: "EAA[A-Z][A-Za-z0-9]{80,}" },
  // App-only bearer tokens: 22 `A`s, then URL-encoded base64.
  { vendor: "twitter-bearer", pattern: "A{22}[A-Za-z0-9%]{80,100}" + END },
  { vendor: "frameio", pattern: "fio-u-[A-Za-z0-9_\\-=]{64}" },
  { vendor: "typeform", pattern: "tfp_[A-Za-z0-9_\\-.=]{59,}" },
];
