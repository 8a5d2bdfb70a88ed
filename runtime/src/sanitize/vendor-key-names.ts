/**
 * Keys that name a vendor whose credentials have no distinctive prefix, so
 * public scanners (gitleaks' keyword rules) find them by the vendor's name in
 * the key. Used by the key/value rule in text mode only, together with a
 * value-shape check, never to drop span attributes.
 */
import { isDescriptiveWord, keyWords } from "./secret-key-names.js";

/**
 * Vendors whose credentials have no distinctive prefix, so public scanners (gitleaks' keyword rules)
 * find them by the vendor's name in the key: `algolia_admin = ...`, `"artifactory", "..."`,
 * `TWITTER_CONSUMER = ...`. A key naming one counts when its value looks generated (see
 * `looksLikeVendorSecret`), unless a word in it says the value identifies something (`xray_trace_id`).
 */
const VENDOR_WORDS = new Set([
  "adafruit", "adobe", "airtable", "algolia", "alibaba", "asana", "atlassian", "confluence", "jira", "beamer",
  "bitbucket", "bittrex", "meraki", "cloudflare", "codecov", "cohere", "coinbase", "confluent", "contentful",
  "datadog", "discord", "droneci", "dropbox", "etsy", "facebook", "fastly", "finicity", "finnhub", "flickr",
  "freshbooks", "gitter", "gocardless", "heroku", "hubspot", "intercom", "jfrog", "artifactory", "bintray",
  "xray", "kraken", "kucoin", "launchdarkly", "linear", "linkedin", "lob", "looker", "mailchimp", "mailgun",
  "mapbox", "mattermost", "messagebird", "netlify", "newrelic", "nytimes", "newyorktimes", "okta", "plaid",
  "privateai", "rapidapi", "sendbird", "sentry", "squarespace", "sumo", "sumologic", "telegram", "travis",
  "travisci", "twitch", "twitter", "typeform", "yandex", "zendesk", "snyk", "sonar", "sourcegraph", "contribsys",
  "sidekiq", "pagerduty", "opsgenie", "mixpanel", "amplitude", "pusher", "circleci", "buildkite", "vercel",
  "flyio", "supabase", "firebase", "pinecone", "mistral", "replicate", "openai", "anthropic", "azure", "gcp", "aws",
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
export const VENDOR_FRAGMENT = new RegExp(byFirstLetter([...VENDOR_WORDS, "message.?bird", "new.?relic", "linked.?in", "private.?ai"]), "i");

/** `a(?:dafruit|dobe)|b(?:eamer|...)`: the same alternation grouped by first letter, which the regex engine scans faster. */
function byFirstLetter(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    const rest = groups.get(word[0]!) ?? [];
    rest.push(word.slice(1));
    groups.set(word[0]!, rest);
  }
  return [...groups].map(([first, rest]) => `${first}(?:${rest.join("|")})`).join("|");
}

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
    if (isDescriptiveWord(word) || IDENTIFYING_WORDS.has(word)) return false;
    if (VENDOR_WORDS.has(word)) vendor = true;
  }
  return vendor;
}
