/**
 * Cloud providers and infrastructure: AWS (access key ids, Bedrock API keys), Google, Azure AD client
 * secrets, Alibaba, DigitalOcean, Cloudflare origin CA keys, Heroku, Fly.io, Vault, Terraform Cloud,
 * Pulumi, Doppler, 1Password, Tailscale, Cloudflare API tokens, Vercel, Scalingo, Yandex, Defined Networking, ClickHouse Cloud, Supabase.
 */
import { END, mixed, type VendorFormat } from "./format.js";

export const CLOUD_FORMATS: readonly VendorFormat[] = [
  { vendor: "aws-access-key-id", pattern: "(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])" },
  { vendor: "aws-bedrock-long-lived", pattern: "ABSK[A-Za-z0-9+/]{100,}={0,2}" },
  { vendor: "aws-bedrock-short-lived", pattern: "bedrock-api-key-[A-Za-z0-9+/=%]{20,}" },
  { vendor: "google-api-key", pattern: "AIza[A-Za-z0-9_\\-]{30,}" },
  { vendor: "google-oauth", pattern: "(?:ya29\\.[A-Za-z0-9_\\-]{20,}|GOCSPX-[A-Za-z0-9_\\-]{20,}|1//0[A-Za-z0-9_\\-]{30,})" },
  { vendor: "azure-ad-client-secret", pattern: "[A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}", hint: /\dQ~/, literal: "Q~" },
  { vendor: "alibaba-access-key-id", pattern: "LTAI[A-Za-z0-9]{20}" + END },
  { vendor: "digitalocean", pattern: "do[opr]_v1_[a-fA-F0-9]{64}" },
  { vendor: "cloudflare-origin-ca", pattern: "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}" },
  { vendor: "heroku", pattern: "HRKU-[A-Za-z0-9_\\-]{40,}" },
  { vendor: "flyio", pattern: "(?:fo1_[A-Za-z0-9_\\-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,}={0,3}|fm2_[A-Za-z0-9+/]{100,}={0,3})" },
  { vendor: "vault", pattern: "hv[sbr]\\.[A-Za-z0-9_\\-]{20,}" },
  { vendor: "vault-legacy", pattern: "[sb]\\.[A-Za-z0-9]{24}(?![A-Za-z0-9.])", check: mixed },
  { vendor: "terraform-cloud", pattern: "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_\\-=]{60,}", hint: /\.atlasv1\./, literal: ".atlasv1." },
  { vendor: "pulumi", pattern: "pul-[a-f0-9]{40}" },
  { vendor: "doppler", pattern: "dp\\.(?:st|pt|sa|ct|scim|audit)\\.[A-Za-z0-9_\\-]{20,}" },
  { vendor: "1password-service-account", pattern: "ops_eyJ[A-Za-z0-9+/=_\\-]{20,}" },
  { vendor: "1password-secret-key", pattern: "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}" + END, check: (t) => /\d/.test(t.slice(3)) },
  { vendor: "tailscale", pattern: "tskey-(?:(?:auth|api|client|scim|webhook)-[A-Za-z0-9_\\-]{20,}|[a-z]{2,20}-[A-Za-z0-9_]{8,40}-[A-Za-z0-9_]{16,60})" },
  { vendor: "cloudflare-api-token", pattern: "(?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8}" + END },
  { vendor: "vercel", pattern: "(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60}" + END },
  { vendor: "scalingo", pattern: "tk-us-[A-Za-z0-9_\\-]{48}" },
  { vendor: "yandex", pattern: "(?:t1\\.[A-Za-z0-9_\\-]+={0,2}\\.[A-Za-z0-9_\\-]{86}={0,2}|AQVN[A-Za-z0-9_\\-]{35,38}" + END + "|YC[A-Za-z0-9_\\-]{38}" + END + ")", check: (t) => !t.startsWith("YC") || mixed(t) },
  { vendor: "defined-networking", pattern: "dnkey-[A-Za-z0-9=_\\-]{26}-[A-Za-z0-9=_\\-]{52}" },
  { vendor: "clickhouse-cloud", pattern: "4b1d[A-Za-z0-9]{38}" + END, check: mixed },
  { vendor: "supabase", pattern: "sbp_[a-f0-9]{40}" },
  { vendor: "authress", pattern: "(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_\\-][A-Za-z0-9\\-]{10,32}\\.[A-Za-z0-9+/_=\\-]{30,120}" },
  { vendor: "age-secret-key", pattern: "AGE-SECRET-KEY-1[A-Z0-9]{50,}" },
  { vendor: "base64-pem", pattern: "LS0tLS1CRUdJTi[A-Za-z0-9+/=]{20,}" },
  { vendor: "base64-docker-config", pattern: "eyJhdXRocyI6[A-Za-z0-9+/=]{16,}" },
];
