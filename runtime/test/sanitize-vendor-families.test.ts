// One test per credential family: a freshly generated value in the family's documented format
// (prefix, alphabet, length, as vendors and public scanner rule tables state them) goes wherever it
// appears: bare in a message, a stack trace and a span status, and in every assignment context. The
// rest of the text stays byte-identical. Families without a prefix are found through the vendor's
// name in the key.
import { describe, expect, it } from "vitest";
import { REDACTED, sanitizeErrorMessage } from "../src/index.js";
import { leakedSecrets } from "../src/testing/index.js";
import {
  ALNUM, ALPHA_LOWER, ALPHA_UPPER, ASSIGNMENT_CONTEXTS, BASE64, BASE64URL, CARRIERS, DIGITS, HEX, fill, randomFrom, randomMixed,
} from "./support/secret-contexts.js";

const UPPER_ALNUM = ALPHA_UPPER + DIGITS;
const LOWER_ALNUM = ALPHA_LOWER + DIGITS;
const WORD = ALNUM + "_";
const uuid = (): string =>
  [8, 4, 4, 4, 12].map((n) => randomFrom(HEX, n)).join("-");
const digitsStartingNonZero = (n: number): string => randomFrom("123456789", 1) + randomFrom(DIGITS, n - 1);
const hexMixed = (n: number): string => randomFrom(HEX, n - 2) + "a7";
const bech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
const base64Of = (text: string): string => Buffer.from(text).toString("base64");

/** Prefix families: the value alone identifies the vendor. */
const PREFIXED: Record<string, () => string> = {
  "github classic pat": () => `ghp_${randomMixed(ALNUM, 36)}`,
  "github oauth/app/refresh": () => `${["gho", "ghu", "ghs", "ghr"][Math.floor(Math.random() * 4)]}_${randomMixed(ALNUM, 36)}`,
  "github app installation token carrying a jwt": () =>
    `ghs_${digitsStartingNonZero(6)}_eyJ${randomMixed(BASE64URL, 30)}.eyJ${randomMixed(BASE64URL, 90)}.${randomMixed(BASE64URL, 43)}`,
  "github fine-grained pat": () => `github_pat_${randomMixed(ALNUM, 22)}_${randomMixed(ALNUM, 59)}`,
  "gitlab pat": () => `glpat-${randomMixed(BASE64URL, 20)}`,
  "gitlab deploy/runner/feed": () => `${["gldt", "glrt", "glft", "glsoat", "glffct"][Math.floor(Math.random() * 5)]}-${randomMixed(ALNUM, 20)}`,
  "gitlab pipeline trigger": () => `glptt-${hexMixed(40)}`,
  "gitlab runner registration": () => `GR1348941${randomMixed(ALNUM, 20)}`,
  "bitbucket": () => `ATBB${randomMixed(ALNUM, 32)}`,
  "atlassian api token": () => `ATATT3${randomMixed(BASE64URL, 186)}`,
  "aws access key id": () => `${["AKIA", "ASIA", "ABIA", "ACCA"][Math.floor(Math.random() * 4)]}${randomMixed("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`,
  "aws bedrock long-lived": () => `ABSK${randomMixed(BASE64, 132)}`,
  "gcp api key": () => `AIza${randomMixed(BASE64URL, 35)}`,
  "google oauth client secret": () => `GOCSPX-${randomMixed(BASE64URL, 28)}`,
  "azure ad client secret": () => `${randomFrom(ALNUM, 3)}${randomFrom(DIGITS, 1)}Q~${randomMixed(ALNUM + "_~.-", 34)}`,
  "alibaba access key id": () => `LTAI${randomMixed(ALNUM, 20)}`,
  "digitalocean": () => `${["doo", "dop", "dor"][Math.floor(Math.random() * 3)]}_v1_${hexMixed(64)}`,
  "digitalocean (upper-case hex)": () => `${["doo", "dop", "dor"][Math.floor(Math.random() * 3)]}_v1_${hexMixed(64).toUpperCase()}`,
  "twitter app bearer token": () => `${"A".repeat(22)}${randomMixed(ALNUM + "%", 90)}`,
  "cloudflare origin ca": () => `v1.0-${hexMixed(24)}-${hexMixed(146)}`,
  "heroku v2": () => `HRKU-AA${randomMixed(BASE64URL, 58)}`,
  "fly.io fo1": () => `fo1_${randomMixed(BASE64URL, 43)}`,
  "fly.io macaroon": () => `${["fm1r", "fm1a", "fm2"][Math.floor(Math.random() * 3)]}_${randomMixed(BASE64, 140)}`,
  "vault service/batch": () => `${["hvs", "hvb"][Math.floor(Math.random() * 2)]}.${randomMixed(BASE64URL, 95)}`,
  "terraform cloud": () => `${randomMixed(ALNUM, 14)}.atlasv1.${randomMixed(BASE64URL, 67)}`,
  "pulumi": () => `pul-${hexMixed(40)}`,
  "doppler": () => `dp.pt.${randomMixed(ALNUM, 43)}`,
  "1password secret key": () => `A3-${randomMixed(UPPER_ALNUM, 6)}-${randomMixed(UPPER_ALNUM, 11)}-${randomFrom(UPPER_ALNUM, 5)}-${randomFrom(UPPER_ALNUM, 5)}-${randomFrom(UPPER_ALNUM, 5)}`,
  "1password secret key (6-6 form)": () => `A3-${randomMixed(UPPER_ALNUM, 6)}-${randomFrom(UPPER_ALNUM, 6)}-${randomFrom(UPPER_ALNUM, 5)}-${randomFrom(UPPER_ALNUM, 5)}-${randomFrom(UPPER_ALNUM, 5)}-${randomFrom(UPPER_ALNUM, 5)}`,
  "1password service account": () => `ops_eyJ${randomMixed(BASE64, 260)}`,
  "tailscale": () => `tskey-auth-${randomMixed(ALNUM, 12)}-${randomMixed(ALNUM, 30)}`,
  "scalingo": () => `tk-us-${randomMixed(BASE64URL, 48)}`,
  "yandex api key": () => `AQVN${randomMixed(BASE64URL, 36)}`,
  "defined networking": () => `dnkey-${randomMixed(ALNUM, 26)}-${randomMixed(ALNUM, 52)}`,
  "clickhouse cloud": () => `4b1d${randomMixed(ALNUM, 38)}`,
  "supabase": () => `sbp_${hexMixed(40)}`,
  "authress": () => `sc_${randomMixed(LOWER_ALNUM, 12)}.${randomFrom(LOWER_ALNUM, 5)}.acc_${randomMixed(LOWER_ALNUM, 20)}.${randomMixed(BASE64, 60)}`,
  "age secret key": () => `AGE-SECRET-KEY-1${randomFrom(bech32, 58)}`,
  "openai project key": () => `sk-proj-${randomMixed(BASE64URL, 74)}T3BlbkFJ${randomMixed(BASE64URL, 74)}`,
  "anthropic api key": () => `sk-ant-api03-${randomMixed(BASE64URL, 93)}AA`,
  "hugging face": () => `hf_${randomMixed(ALPHA_LOWER + ALPHA_UPPER, 34)}`,
  "hugging face org": () => `api_org_${randomMixed(ALPHA_LOWER + ALPHA_UPPER, 34)}`,
  "perplexity": () => `pplx-${randomMixed(ALNUM, 48)}`,
  "stripe secret/restricted": () => `${["sk", "rk"][Math.floor(Math.random() * 2)]}_${["live", "test"][Math.floor(Math.random() * 2)]}_${randomMixed(ALNUM, 24)}`,
  "stripe webhook secret": () => `whsec_${randomMixed(ALNUM, 32)}`,
  "square": () => `sq0atp-${randomMixed(BASE64URL, 22)}`,
  "square EAAA": () => `EAAA${randomMixed(BASE64URL, 60)}`,
  "shopify": () => `${["shpat", "shpca", "shppa", "shpss"][Math.floor(Math.random() * 4)]}_${hexMixed(32)}`,
  "plaid access token": () => `access-sandbox-${uuid()}`,
  "flutterwave": () => `FLWSECK_TEST-${hexMixed(32)}-X`,
  "duffel": () => `duffel_live_${randomMixed(BASE64URL, 43)}`,
  "shippo": () => `shippo_live_${hexMixed(40)}`,
  "easypost": () => `EZAK${randomMixed(ALNUM, 54)}`,
  "slack bot token": () => `xoxb-${digitsStartingNonZero(11)}-${digitsStartingNonZero(12)}-${randomMixed(ALNUM, 24)}`,
  "slack user token": () => `xoxp-${digitsStartingNonZero(11)}-${digitsStartingNonZero(11)}-${digitsStartingNonZero(12)}-${hexMixed(32)}`,
  "slack app token": () => `xapp-1-A${randomFrom(UPPER_ALNUM, 10)}-${digitsStartingNonZero(13)}-${hexMixed(64)}`,
  "slack legacy workspace": () => `xoxr-${randomMixed(ALNUM, 12)}`,
  "telegram bot": () => `${digitsStartingNonZero(10)}:A${randomMixed(BASE64URL, 34)}`,
  "twilio api key": () => `SK${hexMixed(32)}`,
  "sendgrid": () => `SG.${randomMixed(BASE64URL, 22)}.${randomMixed(BASE64URL, 43)}`,
  "sendinblue": () => `xkeysib-${hexMixed(64)}-${randomMixed(ALNUM, 16)}`,
  "mailgun": () => `key-${hexMixed(32)}`,
  "mailchimp": () => `${hexMixed(32)}-us${randomFrom(DIGITS, 2)}`,
  "facebook page token": () => `EAAC${randomMixed(ALNUM, 120)}`,
  "facebook app token": () => `${digitsStartingNonZero(16)}|${randomMixed(BASE64URL, 27)}`,
  "frame.io": () => `fio-u-${randomMixed(BASE64URL, 64)}`,
  "typeform": () => `tfp_${randomMixed(ALNUM, 59)}`,
  "npm": () => `npm_${randomMixed(ALNUM, 36)}`,
  "pypi": () => `pypi-AgEIcHlwaS5vcmc${randomMixed(BASE64URL, 70)}`,
  "rubygems": () => `rubygems_${hexMixed(48)}`,
  "clojars": () => `CLOJARS_${randomMixed(LOWER_ALNUM, 60)}`,
  "jfrog api key": () => `AKCp${randomMixed(ALNUM, 69)}`,
  "jfrog reference token": () => `cmVmd${randomMixed(ALNUM, 59)}`,
  "docker hub": () => `dckr_pat_${randomMixed(BASE64URL, 27)}`,
  "databricks": () => `dapi${hexMixed(32)}`,
  "postman": () => `PMAK-${hexMixed(24)}-${hexMixed(34)}`,
  "linear": () => `lin_api_${randomMixed(ALNUM, 40)}`,
  "notion": () => `ntn_${randomFrom(DIGITS, 11)}${randomMixed(ALNUM, 35)}`,
  "airtable pat": () => `pat${randomMixed(ALNUM, 14)}.${hexMixed(64)}`,
  "planetscale password": () => `pscale_pw_${randomMixed(WORD + "=.-", 43)}`,
  "planetscale token": () => `pscale_tkn_${randomMixed(WORD + "=.-", 43)}`,
  "planetscale oauth": () => `pscale_oauth_${randomMixed(WORD + "=.-", 43)}`,
  "prefect": () => `pnu_${randomMixed(ALNUM, 36)}`,
  "readme": () => `rdme_${randomMixed(LOWER_ALNUM, 70)}`,
  "infracost": () => `ico-${randomMixed(ALNUM, 32)}`,
  "42 intra": () => `s-s4t2ud-${hexMixed(64)}`,
  "settlemint": () => `sm_pat_${randomMixed(ALNUM, 16)}`,
  "dropbox short-lived": () => `sl.${randomMixed(BASE64URL, 135)}`,
  "maxmind": () => `${randomMixed(ALNUM, 6)}_${randomMixed(ALNUM, 29)}_mmk`,
  "octopus deploy": () => `API-${randomMixed(UPPER_ALNUM, 26)}`,
  "grafana service account": () => `glsa_${randomMixed(ALNUM, 32)}_${hexMixed(8)}`,
  "grafana cloud": () => `glc_${randomMixed(BASE64, 60)}`,
  "grafana api key": () => `eyJrIjoi${randomMixed(ALNUM, 80)}`,
  "mapbox": () => `sk.eyJ1Ijoi${randomMixed(BASE64URL, 40)}.${randomMixed(BASE64URL, 22)}`,
  "new relic user key": () => `NRAK-${randomMixed(UPPER_ALNUM, 27)}`,
  "new relic insert key": () => `NRII-${randomMixed(UPPER_ALNUM + "-", 32)}`,
  "new relic browser key": () => `NRJS-${hexMixed(19)}`,
  "dynatrace": () => `dt0c01.${randomMixed(UPPER_ALNUM, 24)}.${randomMixed(UPPER_ALNUM, 64)}`,
  "sentry user token": () => `sntryu_${hexMixed(64)}`,
  "openshift": () => `sha256~${randomMixed(BASE64URL, 43)}`,
  "harness": () => `pat.${randomMixed(BASE64URL, 22)}.${randomMixed(ALNUM, 24)}.${randomMixed(ALNUM, 20)}`,
  "sourcegraph": () => `sgp_${hexMixed(16)}_${hexMixed(40)}`,
  "adobe client secret": () => `p8e-${randomMixed(ALNUM, 32)}`,
  "vercel": () => `${["vcp", "vci", "vca", "vcr", "vck"][Math.floor(Math.random() * 5)]}_${randomMixed(ALNUM, 40)}`,
  "figma": () => `figd_${randomMixed(BASE64URL, 40)}`,
  "cloudflare api token": () => `${["cfk", "cfut", "cfat"][Math.floor(Math.random() * 3)]}_${randomMixed(ALNUM, 40)}${hexMixed(8)}`,
  "tailscale (any key type)": () => `tskey-${["auth", "api", "client", "webhook"][Math.floor(Math.random() * 4)]}-${randomMixed(ALNUM, 16)}-${randomMixed(ALNUM, 40)}`,
  "shopify (alphanumeric)": () => `shpat_${randomMixed(ALNUM, 32)}`,
  "jwt": () => `eyJ${randomMixed(BASE64URL, 30)}.eyJ${randomMixed(BASE64URL, 60)}.${randomMixed(BASE64URL, 43)}`,
  "base64-encoded jwt": () => base64Of(`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${randomMixed(BASE64URL, 60)}.${randomMixed(BASE64URL, 43)}`),
};

/** Where a bare token appears without any key naming it. */
const BARE_CONTEXTS: Record<string, string> = {
  prose: "upload rejected {s} for project floe",
  "call argument": 'client.login("{s}")',
  "non-credential key": "config.upload = {s}",
  "json array": '["{s}", "fallback"]',
};

describe("prefix families", () => {
  for (const [family, generate] of Object.entries(PREFIXED)) {
    it(`${family}: redacted in every carrier and context, the rest kept`, () => {
      for (const [carrierName, carry] of Object.entries(CARRIERS)) {
        for (const [contextName, template] of Object.entries({ ...BARE_CONTEXTS, ...ASSIGNMENT_CONTEXTS })) {
          const secret = generate();
          const input = carry(fill(template, "svc", secret));
          const output = sanitizeErrorMessage(input);
          expect(leakedSecrets(output, [secret]), `${carrierName}/${contextName}: ${output}`).toEqual([]);
          expect(output, `${carrierName}/${contextName}`).toBe(carry(fill(template, "svc", REDACTED)));
        }
      }
    });
  }
});

/** Families found by the vendor's name in the key (gitleaks' keyword rules), with their value shapes. */
const KEYWORD_FAMILIES: Record<string, { keys: string[]; value: () => string }> = {
  "jfrog identity token": { keys: ["jfrog", "ARTIFACTORY", "bintray"], value: () => randomMixed(ALNUM, 64) },
  "etsy": { keys: ["etsy", "ETSY"], value: () => randomMixed(LOWER_ALNUM, 24) },
  "messagebird": { keys: ["messagebird", "message_bird", "MESSAGE-BIRD"], value: () => randomMixed(ALNUM, 25) },
  "atlassian / jira / confluence": { keys: ["atlassian", "JIRA", "confluence"], value: () => randomMixed(LOWER_ALNUM, 20) + hexMixed(4) },
  "adafruit": { keys: ["adafruit"], value: () => randomMixed(LOWER_ALNUM + "_-", 32) },
  "algolia": { keys: ["algolia"], value: () => randomMixed(LOWER_ALNUM, 32) },
  "adobe client id": { keys: ["adobe"], value: () => hexMixed(32) },
  "cloudflare": { keys: ["cloudflare"], value: () => randomMixed(ALNUM, 40) },
  "datadog": { keys: ["datadog"], value: () => randomMixed(LOWER_ALNUM, 40) },
  "discord": { keys: ["discord"], value: () => hexMixed(64) },
  "heroku / hubspot (uuid keys)": { keys: ["heroku", "hubspot"], value: uuid },
  "okta": { keys: ["okta"], value: () => `00${randomMixed(BASE64URL, 40)}` },
  "sumo logic": { keys: ["sumo", "SUMOLOGIC"], value: () => `su${randomMixed(ALNUM, 12)}` },
  "twitter": { keys: ["twitter"], value: () => randomMixed(LOWER_ALNUM, 45) },
  "zendesk": { keys: ["zendesk"], value: () => randomMixed(LOWER_ALNUM, 40) },
  "sidekiq (bundler credential)": { keys: ["BUNDLE_ENTERPRISE__CONTRIBSYS__COM", "BUNDLE_GEMS__CONTRIBSYS__COM"], value: () => `${randomFrom(HEX, 8)}:${randomFrom(HEX, 8)}` },
};

const KEYED_CONTEXTS: Record<string, string> = {
  "bare key": '{k} = "{s}"',
  "upper key": "{K}={s}",
  "admin key": "{k}_admin: {s}",
  "call arguments": '"{k}", "{s}"',
  export: "export {K}='{s}'",
  "go short": "{k} := `{s}`",
};

describe("keyword families", () => {
  for (const [family, { keys, value }] of Object.entries(KEYWORD_FAMILIES)) {
    it(`${family}: redacted after a key naming the vendor`, () => {
      for (const key of keys) {
        for (const [contextName, template] of Object.entries(KEYED_CONTEXTS)) {
          const secret = value();
          const apply = (s: string) => template.replaceAll("{k}", key).replaceAll("{K}", key.toUpperCase()).replaceAll("{s}", s);
          for (const carry of Object.values(CARRIERS)) {
            expect(sanitizeErrorMessage(carry(apply(secret))), `${key}/${contextName}`).toBe(carry(apply(REDACTED)));
          }
        }
      }
    });
  }

  it.each([
    "algolia_index: products_v2",
    "xray_trace_id: 1-5759e988-bd862e3fe1be46a994272793",
    "datadog_site=datadoghq.eu",
    "sentry_release: floe@1.4.2",
    "twitter_handle = floe_dev",
    "jira_issue: FLOE-1234",
    "azure_tenant_id=6f1c8a2e-4b3d-4e5f-9a0b-1c2d3e4f5a6b",
    "heroku_app: floe-staging-2",
    "okta_domain: floe.okta.com",
    "discord_channel_id=112233445566778899",
    "linear_backoff = 250ms",
    "confluence page 123456 updated at 2026-11-24T10:00:00Z",
  ])("a vendor-named key with an ordinary value stays: %s", (text) => {
    expect(sanitizeErrorMessage(text)).toBe(text);
  });
});

describe("webhook URLs and host-bound credentials", () => {
  it("Slack webhooks of every kind lose their secret path, keep host and ids", () => {
    const services = `https://hooks.slack.com/services/T${randomFrom(UPPER_ALNUM, 10)}/B${randomFrom(UPPER_ALNUM, 10)}/${randomMixed(ALNUM, 24)}`;
    // A path that begins like a team id (`T` + capitals + `/`) would keep that segment, as for services URLs.
    const workflow = `https://hooks.slack.com/workflows/${randomMixed(ALPHA_LOWER, 1)}${randomMixed(BASE64, 47)}`;
    for (const url of [services, workflow]) {
      const secret = url.split("/").pop()!;
      const output = sanitizeErrorMessage(`POST ${url} failed: 404 no_service`);
      expect(leakedSecrets(output, [secret])).toEqual([]);
      expect(output).toContain("hooks.slack.com");
      expect(output).toContain("404 no_service");
    }
  });

  it("Microsoft Teams webhooks lose the secret and the signature", () => {
    const secret = randomMixed(LOWER_ALNUM, 32);
    const signature = `V2${randomMixed(BASE64URL, 43)}`;
    const url = `https://floe.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${secret}/${uuid()}/${signature}`;
    const output = sanitizeErrorMessage(`Teams connector returned 400 for ${url}`);
    expect(leakedSecrets(output, [secret, signature])).toEqual([]);
    expect(output).toContain("webhook.office.com");
  });

  it("GitHub x-oauth-basic URLs lose the token in the user name", () => {
    const token = `ghp_${randomMixed(ALNUM, 36)}`;
    const hexToken = hexMixed(40);
    for (const secret of [token, hexToken]) {
      expect(sanitizeErrorMessage(`fatal: https://${secret}:x-oauth-basic@github.com/floe/app.git not found`)).toBe(
        `fatal: https://${REDACTED}:x-oauth-basic@github.com/floe/app.git not found`,
      );
    }
  });

  it("Sidekiq gem server URLs lose the whole user:password license", () => {
    const license = `${randomFrom(HEX, 8)}:${randomFrom(HEX, 8)}`;
    const output = sanitizeErrorMessage(`bundle install: 401 from https://${license}@enterprise.contribsys.com/`);
    expect(output).toBe(`bundle install: 401 from https://${REDACTED}@enterprise.contribsys.com/`);
  });
});

describe("formats glued to the word before them", () => {
  it("SendGrid keys and Tailscale keys redacted inside a longer word", () => {
    const sendgrid = `SG.${randomMixed(BASE64URL, 22)}.${randomMixed(BASE64URL, 43)}`;
    const tailscale = `tskey-api-${randomMixed(ALNUM, 12)}-${randomMixed(ALNUM, 24)}`;
    for (const text of [`oops${sendgrid} leaked`, `0${tailscale}`, `MY_${tailscale}`]) {
      const output = sanitizeErrorMessage(text);
      expect(leakedSecrets(output, [sendgrid, tailscale])).toEqual([]);
      expect(output).toContain(REDACTED);
    }
    expect(sanitizeErrorMessage(`oops${sendgrid} leaked`)).toBe(`oops${REDACTED} leaked`);
  });

  it("leaves words that merely contain the prefixes", () => {
    for (const text of ["MSG.length exceeded in handler", "bitskey-rotation job finished", "SG.short.value"]) {
      expect(sanitizeErrorMessage(text)).toBe(text);
    }
  });
});
