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
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sanitizeErrorMessage } from "../src/index.js";

interface HoldoutCase {
  id: string;
  family: string;
  message: string;
  secrets: string[];
  keep: string[];
}

const cases: HoldoutCase[] = readFileSync(fileURLToPath(new URL("./fixtures/sanitizer-holdout-cases.jsonl", import.meta.url)), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as HoldoutCase);

/** Every 8-character window of a secret (the whole secret when shorter) found in the output. */
function leakedWindows(output: string, secret: string): string[] {
  if (secret.length < 8) return output.includes(secret) ? [secret] : [];
  const leaks: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) {
    const window = secret.slice(i, i + 8);
    if (output.includes(window)) leaks.push(window);
  }
  return leaks;
}

describe("sanitizer held-out cases (independent adversarial set)", () => {
  it("is large enough and covers every corpus family", () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(cases.filter((c) => c.family === "benign").length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.family)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const output = sanitizeErrorMessage(c.message);
    expect(output.length).toBeLessThanOrEqual(500);
    if (c.secrets.length === 0) {
      expect(output).toBe(c.message);
      return;
    }
    for (const secret of c.secrets) expect(leakedWindows(output, secret), `secret ${secret} in ${output}`).toEqual([]);
    for (const keep of c.keep) expect(output, `keep ${keep}`).toContain(keep);
  });
});
