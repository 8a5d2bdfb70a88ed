/**
 * Credentials recognisable by their vendor prefix alone, wherever they appear
 * (no key needed): AWS access key ids, GitHub, GitLab, Slack, npm, Stripe,
 * Google, SendGrid, OpenAI/Anthropic, Vault, Databricks, Hugging Face,
 * Docker Hub, PyPI, Shopify, Twilio, Grafana, Atlassian, Doppler, age keys,
 * Azure AD client secrets (`...8Q~...`), DigitalOcean, Square, Sentry,
 * Tailscale and more; base64-encoded PEM private keys (`LS0tLS1CRUdJTi...`
 * in kubeconfigs) and base64 docker configs (`eyJhdXRocyI6...`).
 * All families run as one alternation so a message is scanned once. Next to
 * an AWS access key id, a bare 40-character base64 token is its secret key.
 */
import { REDACTED } from "../marker.js";
import { looksLikeKeyMaterial, looksRandom } from "../text-shape.js";
import type { RedactionRule } from "./rule.js";

interface VendorFormat {
  readonly vendor: string;
  /** Regex source; must not contain capturing groups. */
  readonly pattern: string;
  /** Extra shape check for formats whose prefix alone is weak. */
  readonly check?: (token: string) => boolean;
}

const mixed = (token: string): boolean => looksRandom(token.replace(/^[a-z]+[-_.]/i, ""), 16);

export const VENDOR_FORMATS: readonly VendorFormat[] = [
  { vendor: "aws-access-key-id", pattern: "(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])" },
  { vendor: "github", pattern: "gh[pousr]_[A-Za-z0-9]{30,}" },
  { vendor: "github-fine-grained", pattern: "github_pat_[A-Za-z0-9_]{30,}" },
  { vendor: "gitlab", pattern: "gl(?:pat|dt|ptt|rt|cbt|imt|oas|ft|soat|agent|ffct)-[A-Za-z0-9_\\-]{16,}(?:\\.[A-Za-z0-9_\\-]+)*" },
  { vendor: "slack-token", pattern: "(?:xox[a-z](?:\\.xox[a-z])?|xapp)-[A-Za-z0-9\\-]{10,}" },
  { vendor: "npm", pattern: "npm_[A-Za-z0-9]{30,}" },
  { vendor: "stripe", pattern: "(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}" },
  { vendor: "stripe-webhook", pattern: "whsec_[A-Za-z0-9+/=]{20,}" },
  { vendor: "google-api-key", pattern: "AIza[A-Za-z0-9_\\-]{30,}" },
  { vendor: "google-oauth", pattern: "(?:ya29\\.[A-Za-z0-9_\\-]{20,}|GOCSPX-[A-Za-z0-9_\\-]{20,}|1//0[A-Za-z0-9_\\-]{30,})" },
  { vendor: "sendgrid", pattern: "SG\\.[A-Za-z0-9_\\-]{16,}\\.[A-Za-z0-9_\\-]{16,}" },
  { vendor: "openai-anthropic", pattern: "sk-(?:ant-[a-z]+\\d*-|proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\\-]{20,}", check: mixed },
  { vendor: "vault", pattern: "hv[sbr]\\.[A-Za-z0-9_\\-]{20,}" },
  { vendor: "vault-legacy", pattern: "[sb]\\.[A-Za-z0-9]{24}(?![A-Za-z0-9.])", check: mixed },
  { vendor: "databricks", pattern: "dapi[a-f0-9]{32}(?:-\\d+)?" },
  { vendor: "huggingface", pattern: "hf_[A-Za-z0-9]{30,}" },
  { vendor: "docker-hub", pattern: "dckr_pat_[A-Za-z0-9_\\-]{20,}" },
  { vendor: "pypi", pattern: "pypi-AgE[A-Za-z0-9_\\-]{50,}" },
  { vendor: "shopify", pattern: "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}" },
  { vendor: "twilio", pattern: "SK[0-9a-f]{32}(?![A-Za-z0-9])" },
  { vendor: "grafana", pattern: "(?:glsa|glc)_[A-Za-z0-9_=+/]{30,}" },
  { vendor: "atlassian", pattern: "ATATT3[A-Za-z0-9_\\-=]{50,}" },
  { vendor: "doppler", pattern: "dp\\.(?:st|pt|sa|ct|scim|audit)\\.[A-Za-z0-9_\\-]{20,}" },
  { vendor: "linear", pattern: "lin_api_[A-Za-z0-9]{30,}" },
  { vendor: "postman", pattern: "PMAK-[a-f0-9]{24}-[a-f0-9]{34}" },
  { vendor: "new-relic", pattern: "NRAK-[A-Z0-9]{27}" },
  { vendor: "age-secret-key", pattern: "AGE-SECRET-KEY-1[A-Z0-9]{50,}" },
  { vendor: "base64-pem", pattern: "LS0tLS1CRUdJTi[A-Za-z0-9+/=]{20,}" },
  { vendor: "base64-docker-config", pattern: "eyJhdXRocyI6[A-Za-z0-9+/=]{16,}" },
  { vendor: "azure-ad-client-secret", pattern: "[A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}" },
  { vendor: "digitalocean", pattern: "do[opr]_v1_[a-f0-9]{64}" },
  { vendor: "square", pattern: "sq0(?:atp|csp)-[A-Za-z0-9_\\-]{22,}" },
  { vendor: "planetscale", pattern: "pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.\\-]{32,}" },
  { vendor: "rubygems", pattern: "rubygems_[a-f0-9]{48}" },
  { vendor: "sentry", pattern: "(?:sntrys_[A-Za-z0-9+/=_]{50,}|sntryu_[a-f0-9]{64})" },
  { vendor: "supabase", pattern: "sbp_[a-f0-9]{40}" },
  { vendor: "tailscale", pattern: "tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9_\\-]{20,}" },
  { vendor: "heroku", pattern: "HRKU-[A-Za-z0-9_\\-]{40,}" },
  { vendor: "pulumi", pattern: "pul-[a-f0-9]{40}" },
  { vendor: "groq-xai-replicate", pattern: "(?:gsk_[A-Za-z0-9]{40,}|xai-[A-Za-z0-9]{40,}|r8_[A-Za-z0-9]{30,}|pplx-[A-Za-z0-9]{40,})" },
  { vendor: "bitbucket", pattern: "ATBB[A-Za-z0-9_=.\\-]{32,}" },
  { vendor: "notion", pattern: "(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})" },
  { vendor: "airtable", pattern: "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}" },
  { vendor: "dynatrace", pattern: "dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}" },
  { vendor: "mailgun", pattern: "key-[0-9a-f]{32}(?![A-Za-z0-9])" },
  { vendor: "terraform-cloud", pattern: "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_\\-]{60,}" },
  { vendor: "1password-service-account", pattern: "ops_eyJ[A-Za-z0-9+/=_\\-]{20,}" },
];

const ANY_VENDOR = new RegExp(
  `(?<![A-Za-z0-9])(?:${VENDOR_FORMATS.map((format) => `(${format.pattern})`).join("|")})`,
  "g",
);

/** An AWS access key id or secret-key wording: a bare 40-character base64 token nearby is its secret key. */
const AWS_CONTEXT = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])|secret[ _\-]?access[ _\-]?key/i;
const AWS_SECRET_KEY = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g;

function redactAwsSecretKeys(text: string): string {
  return text.replace(AWS_SECRET_KEY, (token: string) => (looksLikeKeyMaterial(token) ? REDACTED : token));
}

export function redactVendorTokens(text: string): string {
  const withAwsSecrets = AWS_CONTEXT.test(text) ? redactAwsSecretKeys(text) : text;
  return withAwsSecrets.replace(ANY_VENDOR, (token: string, ...groups: unknown[]) => {
    for (let i = 0; i < VENDOR_FORMATS.length; i++) {
      if (groups[i] === undefined) continue;
      const check = VENDOR_FORMATS[i]!.check;
      return check === undefined || check(token) ? REDACTED : token;
    }
    return token;
  });
}

export const vendorTokenRule: RedactionRule = {
  name: "vendor-tokens",
  mayApply: () => true,
  apply: redactVendorTokens,
};
