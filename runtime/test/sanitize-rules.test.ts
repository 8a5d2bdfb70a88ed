// Exact outputs of sanitizeErrorMessage per family and surface form: the key stays, only the value goes.
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_LENGTH, REDACTED, sanitizeErrorMessage } from "../src/index.js";
import { luhnValid } from "../src/sanitize/rules/payment-cards.js";
import { isSecretKeyName } from "../src/sanitize/secret-key-names.js";
import { ALNUM, randomMixed } from "./support/secret-contexts.js";

const R = REDACTED;
const SECRET = "Qx7vK2mP9sLw4Tz8";

function expectRedacted(input: string, expected: string): void {
  const output = sanitizeErrorMessage(input);
  expect(output).toBe(expected);
  expect(sanitizeErrorMessage(output)).toBe(output);
}

describe("key/value surface forms", () => {
  it.each([
    [`password=${SECRET} host=db`, `password=${R} host=db`],
    [`password = ${SECRET}`, `password = ${R}`],
    [`password: ${SECRET}`, `password: ${R}`],
    [`Password : ${SECRET}`, `Password : ${R}`],
    [`{"password": "${SECRET}", "port": 5432}`, `{"password": "${R}", "port": 5432}`],
    [`{'password': '${SECRET}'}`, `{'password': '${R}'}`],
    [`{\\"password\\": \\"${SECRET}\\"}`, `{\\"password\\": \\"${R}\\"}`],
    [`password: "two words ${SECRET}"`, `password: "${R}"`],
    [`password => ${SECRET}`, `password => ${R}`],
    [`DB_PASSWORD=${SECRET}`, `DB_PASSWORD=${R}`],
    [`PGPASSWORD=${SECRET} psql`, `PGPASSWORD=${R} psql`],
    [`clientSecret: ${SECRET}`, `clientSecret: ${R}`],
    [`spring.datasource.password=${SECRET}`, `spring.datasource.password=${R}`],
    [`aws_secret_access_key = ${SECRET}`, `aws_secret_access_key = ${R}`],
    [`x-api-key=${SECRET}`, `x-api-key=${R}`],
    [`"apiKey":"${SECRET}"`, `"apiKey":"${R}"`],
    [`User Id=sa;Password=${SECRET};Encrypt=true`, `User Id=sa;Password=${R};Encrypt=true`],
    [`PWD={${SECRET};x};UID=sa`, `PWD={${R}};UID=sa`],
    [`AccountName=acct;AccountKey=${SECRET}==;EndpointSuffix=core.windows.net`, `AccountName=acct;AccountKey=${R};EndpointSuffix=core.windows.net`],
    [`(password=${SECRET})`, `(password=${R})`],
    [`password=${SECRET}. Retrying`, `password=${R}. Retrying`],
    [`redirect=https%3A%2F%2Fapp%3Fclient_secret%3D${SECRET}%26x%3D1`, `redirect=https%3A%2F%2Fapp%3Fclient_secret%3D${R}%26x%3D1`],
    [`<password>${SECRET}</password><user>floe</user>`, `<password>${R}</password><user>floe</user>`],
    [`error: password=${SECRET}`, `error: password=${R}`],
    [`password1=${SECRET}`, `password1=${R}`],
    [`stripe_key=${SECRET}`, `stripe_key=${R}`],
  ])("%s", expectRedacted);

  it.each(["primary_key: id", "cache_key: users:42", "idempotency_key: 6f1c8a2e-4a7b-4f2e-9c3d-2b1e0f9a8c7d", "object_key=uploads/8f3Kd9x2Lq7Zt.parquet"])(
    "keys ending in key keep values that are not key material: %s",
    (text) => expect(sanitizeErrorMessage(text)).toBe(text),
  );
});

describe("CLI flags", () => {
  it.each([
    [`dbt run --password ${SECRET} --target prod`, `dbt run --password ${R} --target prod`],
    [`login --password=${SECRET}`, `login --password=${R}`],
    [`cli -token ${SECRET}`, `cli -token ${R}`],
    [`--client-secret "${SECRET} x" --client-id floe`, `--client-secret "${R}" --client-id floe`],
    [`mysql -u root -p${SECRET} floe`, `mysql -u root -p${R} floe`],
    [`docker login -u ci -p ${SECRET} registry.floe.dev`, `docker login -u ci -p ${R} registry.floe.dev`],
  ])("%s", expectRedacted);
});

describe("headers, cookies and query strings", () => {
  it.each([
    [`Authorization: Bearer ${SECRET}`, `Authorization: Bearer ${R}`],
    [`authorization: bearer ${SECRET}`, `authorization: bearer ${R}`],
    [`Proxy-Authorization: Basic ${SECRET}==`, `Proxy-Authorization: Basic ${R}`],
    [`{"Authorization": "Bearer ${SECRET}"}`, `{"Authorization": "Bearer ${R}"}`],
    [`Authorization: Digest username="u", response="${SECRET}"`, `Authorization: Digest ${R}`],
    [`X-Auth-Token: ${SECRET}`, `X-Auth-Token: ${R}`],
    [`PRIVATE-TOKEN: ${SECRET}`, `PRIVATE-TOKEN: ${R}`],
    [`rejected Bearer ${SECRET} (401)`, `rejected Bearer ${R} (401)`],
    [`Cookie: sessionid=${SECRET}; theme=dark`, `Cookie: sessionid=${R}; theme=dark`],
    [`Set-Cookie: JSESSIONID=${SECRET}; Path=/; HttpOnly`, `Set-Cookie: JSESSIONID=${R}; Path=/; HttpOnly`],
    [`GET /a?token=${SECRET}&env=prod`, `GET /a?token=${R}&env=prod`],
    [`?sv=2022-11-02&sig=${SECRET}%2B&se=2026-01-01`, `?sv=2022-11-02&sig=${R}&se=2026-01-01`],
    [`&X-Amz-Signature=${SECRET}&X-Amz-Date=20250101T000000Z`, `&X-Amz-Signature=${R}&X-Amz-Date=20250101T000000Z`],
  ])("%s", expectRedacted);
});

describe("URLs, webhooks and structured blobs", () => {
  it.each([
    [`postgresql://floe:${SECRET}@db.svc:5432/x failed`, `postgresql://floe:${R}@db.svc:5432/x failed`],
    [`redis://:${SECRET}@cache:6379/0`, `redis://:${R}@cache:6379/0`],
    [`amqps://u:p@ss${SECRET}@mq.svc/vhost`, `amqps://u:${R}@mq.svc/vhost`],
    [`https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${SECRET}x 404`, `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${R} 404`],
    [`-----BEGIN RSA PRIVATE KEY-----\nMIIE${SECRET}\n-----END RSA PRIVATE KEY-----`, `-----BEGIN RSA PRIVATE KEY-----\n${R}-----END RSA PRIVATE KEY-----`],
    [`"-----BEGIN PRIVATE KEY-----\\nMIIE${SECRET}\\n-----END PRIVATE KEY-----\\n"`, `"-----BEGIN PRIVATE KEY-----\\n${R}-----END PRIVATE KEY-----\\n"`],
    [`cut: -----BEGIN PRIVATE KEY-----\nMIIE${SECRET}`, `cut: -----BEGIN PRIVATE KEY-----\n${R}`],
    [`jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.${SECRET} expired`, `jwt ${R} expired`],
    [`{"auths":{"ghcr.io":{"auth":"${SECRET}="}}}`, `{"auths":{"ghcr.io":{"auth":"${R}"}}}`],
    [`machine api.floe.dev login ci password ${SECRET}`, `machine api.floe.dev login ci password ${R}`],
    [`jdbc:oracle:thin:scott/${SECRET}@db:1521/ORCL`, `jdbc:oracle:thin:scott/${R}@db:1521/ORCL`],
    [`the password was '${SECRET}'`, `the password was '${R}'`],
    [`curl -u admin:${SECRET} https://es:9200`, `curl -u admin:${R} https://es:9200`],
    ["rejected Basic dXNlcjpwYXNz", `rejected Basic ${R}`],
    [`keys AKIAZ3X7Q2W9E4R5T6Y1 / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, `keys ${R} / ${R}`],
    ["Private-Lines: 1\nAAAAIGx0YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo\nPrivate-MAC: ab", `Private-Lines: 1\n${R}Private-MAC: ab`],
  ])("%s", expectRedacted);
});

describe("vendor token formats", () => {
  const a = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";
  it.each([
    ["AKIA" + "Z3X7Q2W9E4R5T6Y1"],
    ["ASIA" + "Z3X7Q2W9E4R5T6Y1"],
    ["ghp_" + a.slice(0, 36)],
    ["gho_" + a.slice(0, 36)],
    ["github_pat_" + a + "_" + a],
    ["glpat-" + a.slice(0, 20)],
    ["xoxb-1234567890-1234567890123-" + a.slice(0, 24)],
    ["xoxp-1234567890-1234567890123-" + a.slice(0, 24)],
    ["npm_" + a.slice(0, 36)],
    ["sk_live_" + a.slice(0, 32)],
    ["rk_live_" + a.slice(0, 32)],
    ["pk_test_" + a.slice(0, 32)],
    ["AIza" + a.slice(0, 35)],
    ["SG." + a.slice(0, 22) + "." + a.slice(0, 40)],
    ["sk-" + a + a.slice(0, 8)],
    ["sk-proj-" + a + a.slice(0, 8)],
    ["sk-ant-api03-" + a + a],
    ["hvs." + a + a],
    ["s." + a.slice(0, 24)],
    ["dapi" + "0123456789abcdef0123456789abcdef"],
    ["hf_" + a.slice(0, 34)],
    ["ya29." + a + a],
  ])("%s", (token) => {
    expectRedacted(`request failed with ${token} (401)`, `request failed with ${R} (401)`);
  });
});

describe("payment cards", () => {
  it("checks Luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
  });
  it.each([
    ["card 4111 1111 1111 1111 exp 12/29", `card ${R} exp 12/29`],
    ["card 4111-1111-1111-1111.", `card ${R}.`],
    ["amex 3782 822463 10005 declined", `amex ${R} declined`],
    ["pan=5555555555554444", `pan=${R}`],
    ["card 4111 1111 1111 1111 12 months", `card ${R} 12 months`],
  ])("%s", expectRedacted);
  it.each([
    "card 4111 1111 1111 1112 exp 12/29",
    "epoch 1732406400000 ms",
    "order 12345678901234567 shipped",
  ])("leaves non-card numbers: %s", (text) => expect(sanitizeErrorMessage(text)).toBe(text));
});

describe("benign messages come back byte-identical", () => {
  it.each([
    "token expired at 2026-11-24T10:00:00Z; please re-authenticate",
    "password authentication failed for user floe",
    "password must be at least 12 characters long",
    "invalid token: signature verification failed",
    "password: must not be empty",
    "missing required field: api_key",
    "secret 'db-password' not found in namespace floe-dev",
    "secret: floe-db-credentials not found",
    "token_type=Bearer expires_in=3600",
    "password=<password> token=<token>",
    "password: ${DB_PASSWORD}",
    "api_key: {{ secret }}",
    'password: "{{ vault "db" }}"',
    "password: '****'",
    "password=[REDACTED]",
    "secret_name=floe-db key_name=password",
    "SharedAccessKeyName=RootManageSharedAccessKey",
    "trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7",
    "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "git checkout 3f786850e387550fdab836ed7e6dc881de23001b failed",
    "run 6f1c8a2e-4a7b-4f2e-9c3d-2b1e0f9a8c7d failed",
    "Basic authentication is disabled",
    "Bearer token missing",
    'WWW-Authenticate: Bearer realm="floe", error="invalid_token"',
    "use --password-file to pass it; flag --token is required",
    "checks pass: 12 fail: 3",
    "max_tokens=4096 exceeded",
    "HTTP 401 Unauthorized from https://api.example.com/v1/runs",
    "at PolarisCatalog.loadTable (/app/plugins/catalog-polaris/src/plugin.ts:118:13)",
    "open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file",
    "ECONNREFUSED 127.0.0.1:5432",
  ])("%s", (text) => expect(sanitizeErrorMessage(text)).toBe(text));
});

describe("secret key names", () => {
  it.each(["password", "DB_PASSWORD", "PGPASSWORD", "clientSecret", "client-secret", "X-Api-Key", "AccountKey", "SharedAccessKey", "X-Amz-Signature", "X-Amz-Credential", "_authToken", "auth", "sessionid", "secret_id", "client-key-data", "identitytoken"])(
    "%s names a credential",
    (key) => expect(isSecretKeyName(key)).toBe(true),
  );
  it.each(["token_type", "password_length", "SharedAccessKeyName", "token_url", "secrets.key_name", "expires_in", "client_id", "max_tokens", "author", "keyboard", "primary_key", "signature_version"])(
    "%s does not",
    (key) => expect(isSecretKeyName(key)).toBe(false),
  );
});

describe("truncation", () => {
  it("defaults to 500 characters and marks the cut", () => {
    const output = sanitizeErrorMessage("word ".repeat(400));
    expect(DEFAULT_MAX_LENGTH).toBe(500);
    expect(output.length).toBeLessThanOrEqual(500);
    expect(output.endsWith("…")).toBe(true);
  });

  it("redacts a secret that straddles the cut before cutting", () => {
    const message = `${"x".repeat(480)} password=${SECRET}${SECRET} end`;
    const output = sanitizeErrorMessage(message);
    expect(output.length).toBeLessThanOrEqual(500);
    expect(output).not.toContain(SECRET.slice(0, 8));
  });

  it("drops an unrecognised credential-shaped token that straddles the cut", () => {
    const token = "Zq8Lr2Wv6Np4Kt1Hs9Bx3Dj7Fm5Gc0Yh";
    const output = sanitizeErrorMessage(`${"y ".repeat(245)}${token} tail`);
    expect(output.length).toBeLessThanOrEqual(500);
    expect(output).not.toContain(token.slice(0, 8));
    expect(output.endsWith("…")).toBe(true);
  });

  it("never splits the marker", () => {
    for (let pad = 480; pad < 500; pad++) {
      const output = sanitizeErrorMessage(`${"a".repeat(pad)} token=${SECRET}`);
      expect(output.length).toBeLessThanOrEqual(500);
      expect(output).not.toMatch(/<[A-Z]{0,8}…$/);
      expect(output).not.toContain(SECRET.slice(0, 8));
    }
  });

  it("honours maxLength, including 0 and Infinity", () => {
    const message = `token=${SECRET} ${"z".repeat(100)}`;
    expect(sanitizeErrorMessage(message, { maxLength: 20 }).length).toBeLessThanOrEqual(20);
    expect(sanitizeErrorMessage(message, { maxLength: 0 })).toBe("");
    expect(sanitizeErrorMessage(message, { maxLength: Infinity })).toBe(`token=${R} ${"z".repeat(100)}`);
    expect(sanitizeErrorMessage(message, { maxLength: Number.NaN }).length).toBeLessThanOrEqual(500);
  });

  it("scans a bounded window of a huge input and never keeps half a token from its edge", () => {
    const message = `password=${SECRET} ` + "k".repeat(2_000_000);
    const output = sanitizeErrorMessage(message, { maxLength: 4000 });
    expect(output.startsWith(`password=${R} `)).toBe(true);
    expect(output.length).toBeLessThanOrEqual(4000);
  });

  it("does not split a surrogate pair", () => {
    const output = sanitizeErrorMessage("😀".repeat(300), { maxLength: 11 });
    expect(output.length).toBeLessThanOrEqual(11);
    expect(output).toBe("😀".repeat(5) + "…");
  });
});

describe("non-string input", () => {
  it.each([
    [undefined, "undefined"],
    [null, "null"],
    [42, "42"],
    [10n, "10"],
    [true, "true"],
    [Symbol("boom"), "Symbol(boom)"],
    [new Error(`connect redis://:${SECRET}@cache:6379`), `Error: connect redis://:${R}@cache:6379`],
    [{ password: SECRET, host: "db" }, `{"password":"${R}","host":"db"}`],
  ])("%s", (value, expected) => expect(sanitizeErrorMessage(value)).toBe(expected));

  it("survives circular objects and throwing toString", () => {
    const circular: Record<string, unknown> = { token: SECRET };
    circular.self = circular;
    expect(typeof sanitizeErrorMessage(circular)).toBe("string");
    const hostile = {
      toString() {
        throw new Error("no");
      },
      toJSON() {
        throw new Error("no");
      },
    };
    expect(sanitizeErrorMessage(hostile)).toBe("[object Object]");
    const proxy = new Proxy({}, { get: () => { throw new Error("trap"); }, getPrototypeOf: () => { throw new Error("trap"); } });
    expect(typeof sanitizeErrorMessage(proxy)).toBe("string");
  });
});

describe("curl user:password flags in every quoting", () => {
  const secret = (): string => randomMixed(ALNUM, 18);
  it("the password after an e-mail user, in separately quoted parts, or inside one quoted value", () => {
    for (const template of [
      "curl --user floe@example.com:{s} https://api.floe.dev",
      "curl --user kevin:'{s}' -X PATCH https://api.floe.dev",
      'curl -X POST --user "{6f1c8a2e-4b3d-4e5f-9a0b-1c2d3e4f5a6b}":"{s}" https://api.floe.dev',
      'curl -u "floe:{s}" https://es:9200',
      'curl -u ":{s}" https://es:9200',
    ]) {
      const value = secret();
      expectRedacted(template.replace("{s}", value), template.replace("{s}", R));
    }
  });

  it("an API key passed as the user with an empty password (-u key:)", () => {
    const key = randomMixed(ALNUM, 32);
    expectRedacted(`curl https://api.floe.dev/v1/runs -u ${key}:`, `curl https://api.floe.dev/v1/runs -u ${R}:`);
    expectRedacted(`curl -u "${key}:" https://api.floe.dev`, `curl -u "${R}:" https://api.floe.dev`);
  });

  it.each(["curl -u admin: https://es:9200", "curl -u floe:${PASSWORD} https://es:9200"])("leaves %s", (text) => {
    expect(sanitizeErrorMessage(text)).toBe(text);
  });
});

describe("look-alikes of scanner formats stay", () => {
  it.each([
    "GET http://assets.floe.dev/media/video_box.ico-7a388b69018576d24b59331fd60aab0c.png 404",
    'Authorization: Bearer $(gcloud auth print-access-token) was not expanded',
    'public_key = "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit"',
  ])("%s", (text) => {
    expect(sanitizeErrorMessage(text)).toBe(text);
  });
});
