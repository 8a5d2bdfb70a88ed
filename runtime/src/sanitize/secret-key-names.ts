/**
 * The one classifier of key names for credentials, shared by span attribute
 * keys (`isSensitiveAttributeKey` in the conventions, used by
 * RedactingSpanExporter and the `no-sensitive-span-attributes` lint rule)
 * and keys found inside error text (`DB_PASSWORD=`, `"clientSecret":`,
 * `X-Api-Key:`, `--password`). It splits a key into words (`clientSecret`,
 * `X-Api-Key`, `spring.datasource.password`, `PGPASSWORD` -> `pgpassword`)
 * and looks for a credential word that no descriptive word follows.
 *
 * One word list, two modes:
 * - `attribute`: the whole attribute value is dropped. Words whose value has
 *   its own structure (`cookie`, `dsn`, `connection_string`) count too: an
 *   attribute is one opaque value, and dropping it is the only safe choice.
 * - `text`: the value after the key is redacted. Structured words do not
 *   count here, because dedicated rules redact only the secret parts and keep
 *   what makes the message useful (the URL rule keeps a DSN's host, the cookie
 *   rule keeps `theme=dark`, the key/value rule finds `Password=` inside a
 *   connection string).
 *
 * Policy on look-alikes (both modes):
 * - A credential word followed by a descriptive word describes metadata:
 *   `token_type`, `token_count`, `password_length`, `secret.arn`,
 *   `SharedAccessKeyName`, `token_url`, `auth.method`, `TokenExpiredError`.
 * - Words that merely contain a credential word are not credentials:
 *   `keyboard`, `monkey`, `author`, `tokenizer`, `max_tokens`, `passenger`.
 * - `key` alone is not a credential (`storage.key`, `cache_key`,
 *   `primary_key`); `<qualifier> key` is when the qualifier says so (`api`,
 *   `access`, `secret`, `private`, `account`, `master`, `signing`, ...).
 *   In text mode, a key merely ending in `key` (`stripe_key`, `primary_key`)
 *   redacts its value only when the value looks generated (see
 *   `isKeyLikeName`), so `primary_key: id` stays.
 * - A plural before more words names a group: `secrets.found`,
 *   `credentials.provider`; as the last word it holds values (`db.credentials`).
 * - Session identifiers (`sessionid`, `JSESSIONID`, `session.id`) and one-time
 *   passwords (`otp`) are credentials; `PGPASSWORD`, `AccountKey`,
 *   `SharedAccessKey`, `sessid`, `passcode` are too.
 * Vendor-named keys (`algolia_admin`) are in `vendor-key-names.ts`.
 */

export type KeyMode = "attribute" | "text";

/** Words that name a credential on their own. */
const CREDENTIAL_WORDS = new Set([
  "password", "passwd", "pwd", "pass", "pw", "passphrase", "passcode", "secret", "token", "apikey", "auth",
  "authorization", "credential", "credentials", "creds", "sig", "signature", "jwt", "bearer", "session",
  "sessionid", "sessid", "privatekey", "accesskey", "secretkey", "accountkey", "masterkey", "sas", "otp",
]);

/** Words whose value is structured (cookies, DSNs, connection strings): a credential in attribute mode only. */
const STRUCTURED_WORDS = new Set(["cookie", "cookies", "dsn", "connectionstring", "connstr"]);
/** Two-word spellings of structured words (`connection_string`, `conn_str`, `set-cookie` is one word `cookie`). */
const STRUCTURED_PAIRS = new Set(["connection_string", "conn_string", "conn_str"]);

/** Endings of compound words that name a credential (`pgpassword`, `authtoken`, `clientsecret`). */
const CREDENTIAL_SUFFIX = /(?:passwords?|passwd|passphrase|secrets?|token|apikey|accesskey|secretkey|privatekey|sess(?:ion)?id|credentials?|signature)$/;

/** `<word> key` pairs that name a credential (`api key`, `account key`, `x-functions-key`). */
const KEY_QUALIFIERS = new Set([
  "api", "access", "secret", "private", "account", "master", "encryption", "signing", "client", "shared",
  "subscription", "auth", "session", "storage", "functions", "license", "app", "admin", "service", "primary_access",
]);

/** Words after the credential word that make the key describe metadata, not hold a value. */
const DESCRIPTIVE_WORDS = new Set([
  "name", "names", "type", "types", "kind", "count", "length", "len", "size", "min", "max", "expires", "expiry",
  "expiration", "exp", "ttl", "timeout", "duration", "lifetime", "age", "url", "uri", "endpoint", "host",
  "hostname", "port", "path", "file", "filename", "dir", "location", "ref", "reference", "store", "version",
  "method", "mode", "provider", "source", "status", "state", "policy", "format", "scheme", "algorithm", "alg",
  "header", "prefix", "scope", "scopes", "issuer", "audience", "domain", "secure", "httponly", "samesite",
  "enabled", "disabled", "required", "present", "set", "configured", "valid", "validity", "rotation", "hint",
  "field", "env", "var", "param", "mount", "engine", "backend", "manager", "label", "description", "stdin",
  "command", "cmd", "helper", "strength", "complexity", "reset", "changed", "updated", "created", "used",
  "id_type", "limit", "retries", "level", "flag", "option", "options", "template", "pattern", "regex",
  "expired", "issued", "iat", "nbf", "refreshed", "revoked", "rotated", "last", "exists", "missing", "invalid", "found",
  // OpenTelemetry semantic conventions that describe, not carry, a secret: `aspnetcore.identity.token_purpose`,
  // `aspnetcore.authorization.result`, `aws.secretsmanager.secret.arn`, `process.session_leader.pid`.
  "result", "purpose", "verified", "policy", "arn", "pid", "usage", "budget",
  // `NoCredentialsError: Unable to ...`, `TokenExpiredException:`: an error class named after a credential.
  "error", "errors", "exception", "err", "warning", "failure",
]);

/** Whether a word, after a credential word, makes a key describe metadata (`token_type`, `secret_arn`). */
export function isDescriptiveWord(word: string): boolean {
  return DESCRIPTIVE_WORDS.has(word);
}

/** Splits `clientSecret`, `X-Api-Key`, `spring.datasource.password` into lowercase words. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** Cheap filter: every credential word above contains one of these fragments. */
export const CREDENTIAL_FRAGMENT = /pass|pw|secret|token|key|auth|cred|sig|jwt|bearer|sess|otp|sas|conn|bundle_/i;
/** The attribute-mode filter also lets the structured words through. */
const ATTRIBUTE_FRAGMENT = /pass|pw|secret|token|key|auth|cred|sig|jwt|bearer|sess|otp|sas|conn|bundle_|cookie|dsn/i;

/** Keys repeat across messages and spans (`password`, `token`): remember recent verdicts per mode, bounded. */
const verdicts: Record<KeyMode, Map<string, boolean>> = { attribute: new Map(), text: new Map() };
const MAX_REMEMBERED = 1024;

/** Whether `key` names a credential, in the given mode (see the module header). */
export function namesCredential(key: string, mode: KeyMode): boolean {
  if (key.length > 128 || !(mode === "text" ? CREDENTIAL_FRAGMENT : ATTRIBUTE_FRAGMENT).test(key)) return false;
  const remembered = verdicts[mode];
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const verdict = classifyKey(key, mode);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, verdict);
  return verdict;
}

/** Whether a key found in a message names a credential whose value must be redacted (text mode). */
export function isSecretKeyName(key: string): boolean {
  return namesCredential(key, "text");
}

const PLURAL_GROUP = /(?:secrets|passwords|credentials)$/;

/** Bundler's per-host credential variables (`BUNDLE_GEMS__CONTRIBSYS__COM=user:password`). */
const BUNDLER_HOST_CREDENTIAL = /^BUNDLE_[A-Z0-9_\-]*[A-Z0-9]__[A-Z0-9_\-]*[A-Z0-9]$/;

function classifyKey(key: string, mode: KeyMode): boolean {
  if (BUNDLER_HOST_CREDENTIAL.test(key)) return true;
  const words = keyWords(key).map((word) => word.replace(/(?<=[a-z])\d+$/, ""));
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    // A plural before more words names a group (`secrets.found`, `credentials.provider`), not a value.
    const groupName = next !== undefined && PLURAL_GROUP.test(word);
    if (!groupName && (CREDENTIAL_WORDS.has(word) || CREDENTIAL_SUFFIX.test(word))) last = i;
    if (next === "key" && KEY_QUALIFIERS.has(word)) last = i + 1;
    if (mode === "attribute") {
      if (STRUCTURED_WORDS.has(word)) last = i;
      if (next !== undefined && STRUCTURED_PAIRS.has(`${word}_${next}`)) last = i + 1;
    }
  }
  if (last < 0) return false;
  for (let i = last + 1; i < words.length; i++) {
    if (DESCRIPTIVE_WORDS.has(words[i]!)) return false;
  }
  return true;
}

/** Necessary for a last word `key`: the final alphanumeric run ends in `key` (`stripe_key`, `sendgridKey`, `api-key_`). */
const ENDS_IN_KEY = /key[^A-Za-z0-9]*$/i;

/**
 * `stripe_key`, `sendgridKey`, `license-key`: a key whose last word is `key` but whose qualifier is not
 * known to name a credential. Its value is redacted only when it looks like generated key material
 * (see `looksLikeKeyMaterial`), so `primary_key: id` and `cache_key: users:42` stay.
 */
export function isKeyLikeName(key: string): boolean {
  // Called for every non-credential key the key/value scan meets: split into words only when it can end in `key`.
  if (key.length > 128 || !ENDS_IN_KEY.test(key)) return false;
  const words = keyWords(key);
  return words[words.length - 1] === "key" && !PUBLIC_QUALIFIERS.has(words[words.length - 2] ?? "");
}

/** `public_key`, `pubKey`: the half of a key pair that is meant to be shared. */
const PUBLIC_QUALIFIERS = new Set(["public", "pub"]);
