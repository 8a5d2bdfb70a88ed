/** Observability and ops SaaS: New Relic, Dynatrace, Sentry, Heroku-style keys, Linear-style ops tools. */
import type { VendorFormat } from "./format.js";

export const OBSERVABILITY_FORMATS: readonly VendorFormat[] = [
  { vendor: "new-relic", pattern: "(?:NRAK-[A-Za-z0-9]{27}|NRJS-[a-f0-9]{19}|NRII-[A-Za-z0-9\\-]{32}|NRAA-[a-f0-9]{27})" },
  { vendor: "dynatrace", pattern: "dt0[cs]01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}" },
  { vendor: "sentry", pattern: "(?:sntrys_[A-Za-z0-9+/=_]{50,}|sntryu_[a-f0-9]{64})" },
];
