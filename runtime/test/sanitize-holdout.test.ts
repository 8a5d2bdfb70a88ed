// An independent, adversarial held-out set for sanitizeErrorMessage: error messages of real tools
// (libpq, mysql, redis, kafka, boto3, azure, kubectl, docker, helm, terraform, curl, git, npm/pip,
// spring, python tracebacks, axios/undici config dumps, dbt, airflow, dagster, snowflake, databricks,
// vendor SDKs, JWT/PEM loaders, OAuth/OIDC/SAML callbacks, webhook URLs, Go/Rust config structs) in
// surface forms the development corpus does not use, checked by the corpus README's rules.
//
// Decisions on ambiguous look-alikes (the benign cases say "must stay byte-identical"):
// - Public material is not a secret: PEM PUBLIC KEY bodies, ssh public keys, host key fingerprints,
//   `data:image/png;base64,...` content, npm `sha512-` integrity hashes, `x-amz-id-2`, ETags, digests.
// - Identifiers are not secrets: request ids, idempotency keys (UUIDs), Application Insights
//   InstrumentationKey (a GUID Microsoft documents as non-secret), OIDC `state`, AWS secret ARNs
//   (`...:secret:floe/prod/db-AbC123`, the 6-character suffix is part of the name), org/user names
//   in URL userinfo (`https://floe-analytics-2024@dev.azure.com`), bare 14-digit row ids.
// - Code, not values: SQL bind parameters (`?`, `$1`, `:api_key`), format placeholders (`%s`,
//   `%(password)s`), template expressions (`${{ secrets.X }}`, `{{ .Values.x | b64enc }}`),
//   Terraform references (`data.x.y["password"]`), source lines in tracebacks
//   (`token = os.environ["API_TOKEN"]`, `password = getpass.getpass()`), `(sensitive value)`.
// - Vendor masks (`sk-proj-****wXyZ`, `sk_live_****1a2B`, `***`) are already redacted text.
// - Secrets: OAuth authorization codes and SAMLResponse in callbacks, `Key (token)=(...)` in a
//   Postgres DETAIL, `PASSWORD '...'` / `IDENTIFIED BY '...'` echoed in SQL, `redis-cli -a x`,
//   `auth=('user', 'x')` tuples, Rust `Some("x")`, Go `Password:x` fields.
import { describe, expect, it } from "vitest";
import { expectSanitizedByCorpusRules, loadSanitizerCases } from "./support/sanitizer-cases.js";

const cases = loadSanitizerCases("sanitizer-holdout-cases.jsonl");

describe("sanitizer held-out cases (independent adversarial set)", () => {
  it("is large enough and covers every corpus family", () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(cases.filter((c) => c.family === "benign").length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.family)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => expectSanitizedByCorpusRules(c));
});
