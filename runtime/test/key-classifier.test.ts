// The one key-word classifier behind isSensitiveAttributeKey (attribute mode: drop the attribute) and
// isSecretKeyName (text mode: redact the value after the key). Both modes agree on every common key;
// they differ only on structured values (cookies, DSNs, connection strings), as the module documents.
import { describe, expect, it } from "vitest";
import { isSensitiveAttributeKey, sanitizeErrorMessage, REDACTED } from "../src/index.js";
import { isSecretKeyName, namesCredential } from "../src/sanitize/secret-key-names.js";

const CREDENTIAL_KEYS = [
  "password", "passwd", "pwd", "DB_PASSWORD", "PGPASSWORD", "MYSQL_ROOT_PASSWORD", "db.password", "passphrase", "passcode",
  "secret", "clientSecret", "client-secret", "client_secret", "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY",
  "token", "access_token", "refresh_token", "id_token", "auth_token", "authToken", "_authToken", "X-Auth-Token",
  "PRIVATE-TOKEN", "GITHUB_TOKEN", "apikey", "api_key", "apiKey", "X-Api-Key", "x-functions-key",
  "Ocp-Apim-Subscription-Key", "authorization", "Proxy-Authorization", "http.request.header.authorization",
  "auth", "credentials", "creds", "private_key", "privateKey", "AccountKey", "SharedAccessKey", "master_key",
  "signing_key", "encryption_key", "session", "sessionid", "session_id", "JSESSIONID", "PHPSESSID", "sessid",
  "otp", "totp_secret", "sig", "signature", "X-Amz-Signature", "X-Amz-Credential", "jwt", "bearer", "sas", "sas_token",
  "identitytoken", "secret_id", "client-key-data", "password2", "session.cookie",
];

const METADATA_KEYS = [
  "token_type", "token_count", "max_tokens", "prompt_tokens", "password_length", "password_policy",
  "secret.arn", "aws.secretsmanager.secret.arn", "SharedAccessKeyName", "token_url", "token_endpoint",
  "auth.method", "auth_type", "secrets.provider", "expires_in", "client_id", "signature_version",
  "session.timeout", "process.session_leader.pid", "aspnetcore.identity.token_purpose", "aspnetcore.authorization.result",
  "TokenExpiredError", "NoCredentialsError", "http.status_code", "db.name", "user.name",
  "keyboard", "monkey", "author", "authority", "tokenizer", "passenger", "compass", "bypass_cache",
  "secrets.found", "secrets.provider", "credentials.source", "token_found",
  "primary_key", "cache_key", "key", "sort_key", "partition_key", "keyspace",
];

const STRUCTURED_KEYS = ["cookie", "Cookie", "Set-Cookie", "http.request.header.cookie", "dsn", "SENTRY_DSN", "db.connection_string", "connectionString", "ConnStr"];

describe("one classifier, two modes", () => {
  it.each(CREDENTIAL_KEYS)("%s names a credential in both modes", (key) => {
    expect(namesCredential(key, "attribute"), "attribute").toBe(true);
    expect(namesCredential(key, "text"), "text").toBe(true);
    expect(isSensitiveAttributeKey(key)).toBe(true);
    expect(isSecretKeyName(key)).toBe(true);
  });

  it.each(METADATA_KEYS)("%s names no credential in either mode", (key) => {
    expect(namesCredential(key, "attribute"), "attribute").toBe(false);
    expect(namesCredential(key, "text"), "text").toBe(false);
  });

  it.each(STRUCTURED_KEYS)("%s: attribute dropped whole, text left to the structural rules", (key) => {
    expect(isSensitiveAttributeKey(key)).toBe(true);
    expect(isSecretKeyName(key)).toBe(false);
  });

  it("text mode keeps what structural rules can keep: a DSN's host, harmless cookies", () => {
    expect(sanitizeErrorMessage("dsn=postgres://floe:Xy7kQ2vLm9@db.internal:5432/app")).toBe(`dsn=postgres://floe:${REDACTED}@db.internal:5432/app`);
    expect(sanitizeErrorMessage("Cookie: theme=dark; sessionid=Qx7vK2mP9sLw4Tz8")).toBe(`Cookie: theme=dark; sessionid=${REDACTED}`);
    expect(sanitizeErrorMessage("connectionString=Server=db;User Id=sa;Password=Xy7kQ2vLm9;")).toBe(`connectionString=Server=db;User Id=sa;Password=${REDACTED};`);
  });

  it("floe's conventional attribute keys are metadata", () => {
    for (const key of ["secrets.key_name", "secrets.count", "identity.token_valid", "storage.key", "identity.client_id"]) {
      expect(isSensitiveAttributeKey(key), key).toBe(false);
    }
  });
});
