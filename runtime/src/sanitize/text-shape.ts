/**
 * Shape tests on candidate values: does a string look like random credential
 * material, a placeholder (`<token>`, `${DB_PASSWORD}`, `{{ secret }}`,
 * `****`), a harmless literal (`null`, `true`, `bearer`) or a word of prose
 * ("token: expired")? Rules use these to redact credentials while leaving the
 * look-alikes that make a message useful byte-identical.
 */
import { REDACTED } from "./marker.js";

/** Number of character classes (lower, upper, digit, symbol) present in a string. */
export function characterClasses(text: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let symbol = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else symbol = 1;
  }
  return lower + upper + digit + symbol;
}

/** Mixed-class text of some length: what generated keys, passwords and tokens look like. */
export function looksRandom(text: string, minLength: number): boolean {
  if (text.length < minLength) return false;
  if (/^[a-z]+$|^[A-Z]+$/.test(text)) return false;
  return characterClasses(text) >= 2 && /[0-9]/.test(text) ? true : characterClasses(text) >= 3;
}

const PLACEHOLDER =
  /^(?:<[^<>]*>|\$\{[^{}]*\}|\$\{\{.*\}\}|\?|\$\d{1,3}|:[a-z_][a-z0-9_]*|\((?:[a-z]+ ){0,3}[a-z]+\)|\{\{.*\}\}|\{%.*%\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|%\(\w+\)s|%s|\[(?:redacted|filtered|masked|hidden|secret|sensitive)\]|\((?:redacted|hidden|masked|sensitive|none|empty|null|unset|not set)\)|[*•·]+|x{3,}|X{3,}|\.{3}|…)$/i;

/** Harmless literal values that appear after a secret-named key without being one. */
const LITERALS = new Set([
  "", "-", "~", "n/a", "na", "null", "nil", "none", "undefined", "true", "false", "yes", "no", "on", "off",
  "empty", "unset", "redacted", "hidden", "masked", "filtered", "sensitive", "required", "optional",
  "enabled", "disabled", "bearer", "basic", "digest", "token", "password", "secret", "oauth", "oauth2",
  "plain", "sasl", "md5", "trust", "peer", "ident", "scram-sha-256", "scram-sha-512", "jwt", "cookie",
  "header", "query", "env", "file", "vault", "kms", "iam", "default", "auto", "local",
]);

/** Words of English prose that follow a secret-named key in sentences like "token: expired". */
const PROSE_WORDS = new Set([
  "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "without", "and", "or", "not", "no",
  "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "does", "did", "do", "must", "should",
  "can", "cannot", "could", "will", "would", "may", "might", "if", "when", "then", "than", "that", "this", "it",
  "missing", "invalid", "expired", "revoked", "rejected", "denied", "failed", "failure", "error", "found",
  "provided", "given", "mismatch", "incorrect", "wrong", "malformed", "unknown", "unsupported", "unavailable",
  "too", "changed", "updated", "reset", "rotated", "deleted", "created", "set", "needed", "expected", "ok",
  "valid", "verified", "refused", "timeout", "see", "use", "via", "please", "value", "field", "option",
]);

/** A value that is a placeholder, a mask or the marker itself, never a credential. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === REDACTED || PLACEHOLDER.test(v);
}

/** A value that cannot be a credential: placeholder, literal, short number, or a key *name* such as `db-password`. */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (isPlaceholder(v)) return true;
  if (LITERALS.has(v.toLowerCase())) return true;
  if (/^\d{1,5}$/.test(v)) return true;
  return isSecretReferenceName(v) || FILE_PATH.test(v) || CODE_REFERENCE.test(v) || RESOURCE_PATH.test(v);
}

/**
 * Source code echoed in a traceback or a Terraform/HCL diagnostic: `os.environ[`, `getpass.getpass()`,
 * `settings.DJANGO_SECRET_KEY`, `data.vault_generic_secret.db.data[`, `jwt.exceptions.InvalidAudienceError`,
 * `config[`, `getpass()`.
 * A lowercase module/object name, then dotted identifiers without digits (generated tokens have digits).
 */
const CODE_REFERENCE = /^[a-z_][a-z_]*(?:(?:\.[A-Za-z_]+)+(?:\(\)?|\[)?|(?:\(\)?|\[))$/;

/** `projects/floe-prod/secrets/db-password/versions/3`: a resource name made of word segments, not a value. */
const RESOURCE_PATH = /^[a-z]+(?:[._\-][a-z0-9]+)*(?:\/(?:[a-z]+(?:[._\-][a-z0-9]+)*|\d+))+$/;

/** `/var/run/secrets/sa.json`, `~/.config/gcloud/key.json`: where a credential lives, not the credential. */
const FILE_PATH = /^(?:~|\.{1,2})?\/(?:[\w.\-]+\/)*[\w.\-]+\.(?:json|pem|key|crt|cer|p12|pfx|jks|txt|ya?ml|env|cfg|conf|ini|toml)$/i;

/**
 * `db-password`, `api_key`, `floe-db-credentials`: a lowercase name made of words (no digits, no
 * capitals) refers to a secret rather than being one; generated credentials mix classes.
 */
export function isSecretReferenceName(value: string): boolean {
  return /^[a-z]+(?:[._-][a-z]+)+$/.test(value);
}

/** A single lowercase word such as "expired" or "must": the start of a sentence, not a value. */
export function isProseWord(value: string): boolean {
  return PROSE_WORDS.has(value.toLowerCase());
}

/** Base62/base64 key material: 16+ token characters, digits and both cases, not hex, not a UUID, no path dots. */
export function looksLikeKeyMaterial(value: string): boolean {
  return (
    /^[A-Za-z0-9+/=_\-]{16,}$/.test(value) &&
    /[0-9]/.test(value) &&
    /[a-z]/.test(value) &&
    /[A-Z]/.test(value) &&
    !/^[0-9a-fA-F-]+$/.test(value)
  );
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a generated secret behind a `...Key` name looks like: base62/base64 key material, or a long
 * hex string (32+ digits: API keys of many vendors are hex). UUIDs are identifiers, not keys.
 */
export function looksLikeGeneratedSecret(value: string): boolean {
  if (looksLikeKeyMaterial(value)) return true;
  return /^[0-9a-fA-F]{32,}$/.test(value) && /[0-9]/.test(value) && /[a-fA-F]/.test(value) && !UUID_SHAPE.test(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?$/;
/** `floe-staging-2`, `build.agent_01`: lowercase words and short numbers joined by separators name a resource. */
const RESOURCE_NAME = /^[a-z]+(?:[._\-](?:[a-z]+|\d{1,4}))+$/;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[\-+][\w.\-]+)?$/;

/**
 * The value behind a vendor-named key (`algolia_admin`, `"artifactory"`) that looks like a generated
 * credential: 10+ token characters mixing letters and digits (or three classes), a UUID (many vendors
 * issue UUID keys), or a long digit run (app ids and secrets). Dates, versions, host names, paths and
 * words stay.
 */
export function looksLikeVendorSecret(value: string): boolean {
  if (value.length < 10 || value.length > 1024 || !/^[A-Za-z0-9+/=_\-.:|%~]+$/.test(value)) return false;
  if (ISO_DATE.test(value) || VERSION.test(value) || isSecretReferenceName(value) || RESOURCE_NAME.test(value)) return false;
  if (UUID_SHAPE.test(value) || /^\d{15,}$/.test(value)) return true;
  if (value.includes("/") && !looksLikeKeyMaterial(value)) return false;
  if (/^[a-z][a-z0-9\-]*(?:\.[a-z][a-z0-9\-]*)+$/.test(value)) return false; // host name
  return looksRandom(value, 10);
}
