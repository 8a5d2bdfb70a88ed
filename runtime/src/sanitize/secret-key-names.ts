/**
 * Decides whether a key found inside free text (`DB_PASSWORD`, `clientSecret`,
 * `X-Api-Key`, `aws_secret_access_key`, `_authToken`, `AccountKey`,
 * `X-Amz-Signature`) names a credential. Connection strings and DSNs are not
 * credentials as a whole: the URL and key/value rules redact the password
 * inside them and keep the host. Message keys come in shapes span
 * attribute keys never take (`PGPASSWORD`, `PRIVATE-TOKEN`, `sessionid`), so
 * this is the text-side counterpart of `isSensitiveAttributeKey` in the
 * conventions: it splits the key into words and looks for a credential word
 * that is not followed by a word that makes the key describe metadata
 * (`token_type`, `password_length`, `SharedAccessKeyName`, `token_url`).
 */

/** Words that name a credential on their own. */
const CREDENTIAL_WORDS = new Set([
  "password", "passwd", "pwd", "pass", "pw", "passphrase", "passcode", "secret", "token", "apikey", "auth",
  "authorization", "credential", "credentials", "creds", "sig", "signature", "jwt", "bearer", "session",
  "sessionid", "sessid", "privatekey", "accesskey", "secretkey", "accountkey", "masterkey", "sas", "otp",
]);

/** Endings of compound words that name a credential (`pgpassword`, `authtoken`, `clientsecret`). */
const CREDENTIAL_SUFFIX = /(?:passwords?|passwd|passphrase|secrets?|token|apikey|accesskey|secretkey|privatekey|sessionid|credentials?|signature)$/;

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
  "expired", "issued", "iat", "nbf", "refreshed", "revoked", "rotated", "last", "exists", "missing", "invalid",
  // `NoCredentialsError: Unable to ...`, `TokenExpiredException:`: an error class named after a credential.
  "error", "errors", "exception", "err", "warning", "failure",
]);

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

/** Keys repeat across messages (`password`, `token`): remember recent verdicts, bounded. */
const verdicts = new Map<string, boolean>();
const MAX_REMEMBERED = 512;

/** Whether a key found in a message names a credential whose value must be redacted. */
export function isSecretKeyName(key: string): boolean {
  if (key.length > 128 || !CREDENTIAL_FRAGMENT.test(key)) return false;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = classifyKey(key);
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** Bundler's per-host credential variables (`BUNDLE_GEMS__CONTRIBSYS__COM=user:password`). */
const BUNDLER_HOST_CREDENTIAL = /^BUNDLE_[A-Z0-9_\-]*[A-Z0-9]__[A-Z0-9_\-]*[A-Z0-9]$/;

function classifyKey(key: string): boolean {
  if (BUNDLER_HOST_CREDENTIAL.test(key)) return true;
  const words = keyWords(key).map((word) => word.replace(/(?<=[a-z])\d+$/, ""));
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (CREDENTIAL_WORDS.has(word) || CREDENTIAL_SUFFIX.test(word)) last = i;
    if (next === "key" && KEY_QUALIFIERS.has(word)) last = i + 1;
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
  return words[words.length - 1] === "key";
}

/**
 * Vendors whose credentials have no distinctive prefix, so public scanners (gitleaks' keyword rules)
 * find them by the vendor's name in the key: `algolia_admin = ...`, `"artifactory", "..."`,
 * `TWITTER_CONSUMER = ...`. A key naming one counts when its value looks generated (see
 * `looksLikeVendorSecret`), unless a word in it says the value identifies something (`xray_trace_id`).
 */
const VENDOR_WORDS = new Set([
  "adafruit", "adobe", "airtable", "algolia", "alibaba", "asana", "atlassian", "confluence", "jira", "beamer",
  "bitbucket", "bittrex", "meraki", "cloudflare", "codecov", "cohere", "coinbase", "confluent", "contentful",
  "datadog", "dd", "discord", "droneci", "dropbox", "etsy", "facebook", "fb", "fastly", "finicity", "finnhub",
  "flickr", "freshbooks", "gitter", "gocardless", "heroku", "hubspot", "intercom", "jfrog", "artifactory",
  "bintray", "xray", "kraken", "kucoin", "launchdarkly", "linear", "linkedin", "lob", "looker", "mailchimp",
  "mailgun", "mapbox", "mattermost", "messagebird", "netlify", "newrelic", "nytimes", "newyorktimes", "okta",
  "plaid", "privateai", "rapidapi", "sendbird", "sentry", "squarespace", "sumo", "sumologic", "telegram",
  "travis", "travisci", "twitch", "twitter", "typeform", "yandex", "zendesk", "snyk", "sonar", "sourcegraph",
  "contribsys", "sidekiq", "pagerduty", "opsgenie", "segment", "mixpanel", "amplitude", "pusher", "algolia",
  "circleci", "buildkite", "vercel", "netlify", "render", "railway", "fly", "supabase", "firebase", "pinecone",
  "cohere", "mistral", "replicate", "openai", "anthropic", "azure", "gcp", "aws",
]);

/** Compound spellings of multi-word vendors (`message_bird`, `new-relic`, `linked_in`, `private_ai`). */
const VENDOR_PAIRS = new Set(["message_bird", "new_relic", "linked_in", "private_ai", "new_york", "drone_ci", "travis_ci", "sumo_logic"]);

/** Words that make a vendor-named key identify something rather than authenticate. */
const IDENTIFYING_WORDS = new Set([
  "trace", "span", "request", "req", "correlation", "channel", "guild", "user", "username", "org", "organization",
  "account", "project", "region", "zone", "site", "index", "bucket", "queue", "topic", "table", "build", "commit",
  "run", "job", "pipeline", "branch", "repo", "repository", "workspace", "team", "email", "page", "message", "event",
  "app", "tenant", "subscription", "resource", "instance", "cluster", "namespace", "environment", "release", "site", "trace_id",
]);

/** Cheap filter for `isVendorKeyName` and the key/value pre-check. */
export const VENDOR_FRAGMENT = new RegExp([...VENDOR_WORDS, "message.?bird", "new.?relic", "linked.?in", "private.?ai"].join("|"), "i");

/** Whether a key names a vendor whose credentials are only recognisable by that name. */
export function isVendorKeyName(key: string): boolean {
  if (key.length > 128 || !VENDOR_FRAGMENT.test(key)) return false;
  const words = keyWords(key);
  let vendor = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (i + 1 < words.length && VENDOR_PAIRS.has(`${word}_${words[i + 1]}`)) {
      vendor = true;
      i++;
      continue;
    }
    if (DESCRIPTIVE_WORDS.has(word) || IDENTIFYING_WORDS.has(word)) return false;
    if (VENDOR_WORDS.has(word)) vendor = true;
  }
  return vendor;
}
