import rule, { RULE_NAME } from "../../src/rules/no-sensitive-span-attributes.js";
import { createRuleTester, createTypedRuleTester, TYPED_FILE, runRule } from "../support/rule-tester.js";

const ruleTester = createRuleTester();
const DECL = "declare const span: any, tracer: any, v: string;\n";

runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    `${DECL}span.setAttribute("secrets.key_name", v);`,
    `${DECL}span.setAttribute("alert.channel", "slack");`,
    `${DECL}span.setAttribute("identity.token_valid", true);`,
    // OpenTelemetry semantic-convention keys that describe a secret without carrying one
    `${DECL}span.setAttributes({ "aspnetcore.identity.token_purpose": v, "aspnetcore.authorization.result": v, "aspnetcore.authorization.policy": v });`,
    `${DECL}span.setAttribute("aws.secretsmanager.secret.arn", v);`,
    `${DECL}tracer.startSpan("op", { attributes: { "process.session_leader.pid": 1, "auth.method": "basic" } });`,
    `${DECL}span.setAttributes({ "http.status_code": 500, host: "db.internal:5432" });`,
    `${DECL}tracer.startSpan("op", { attributes: { "compute.engine": "duckdb" } });`,
    `${DECL}declare const key: string;\nspan.setAttribute(key, v);`,
    'import { traced } from "@floe/runtime";\ntraced({ name: "x", attributes: { "secrets.provider": "k8s" } });',
    // not the runtime's traced
    'declare function traced(o: unknown): void;\ntraced({ attributes: { password: "x" } });',
  ],
  invalid: [
    {
      code: `${DECL}span.setAttribute("db.password", v);`,
      errors: [{ messageId: "sensitiveKey", data: { key: "db.password" }, line: 2, column: 19 }],
    },
    {
      // key from a const, optional receiver
      code: `${DECL}const KEY = "clientSecret";\nspan?.setAttribute(KEY, v);`,
      errors: [{ messageId: "sensitiveKey", data: { key: "clientSecret" }, line: 3, column: 20 }],
    },
    {
      code: `${DECL}span.setAttributes({ ok: 1, "http.authorization": v, ["apiKey"]: v });`,
      errors: [
        { messageId: "sensitiveKey", data: { key: "http.authorization" }, line: 2, column: 29 },
        { messageId: "sensitiveKey", data: { key: "apiKey" }, line: 2, column: 55 },
      ],
    },
    {
      // credential-looking literal value under an innocent key
      code: `${DECL}span.setAttribute("db.url", "postgres://admin:hunter2@db:5432/app");`,
      errors: [{ messageId: "sensitiveValue", line: 2, column: 29 }],
    },
    {
      code: `${DECL}tracer.startActiveSpan("op", { attributes: { "x-api-key": v } }, () => 1);`,
      errors: [{ messageId: "sensitiveKey", data: { key: "x-api-key" }, line: 2, column: 46 }],
    },
    {
      code: 'import { traced as t } from "@floe/runtime";\nclass C { @t({ attributes: { token: "abc" } }) m() {} }',
      errors: [{ messageId: "sensitiveKey", data: { key: "token" }, line: 2, column: 30 }],
    },
  ],
});

const typedRuleTester = createTypedRuleTester();
runRule(typedRuleTester, `${RULE_NAME} (typed)`, rule, {
  valid: [
    {
      filename: TYPED_FILE,
      code: 'class Form { setAttribute(_k: string, _v: string) {} }\nnew Form().setAttribute("password", "x");',
      options: [{ requireSpanType: true }],
    },
  ],
  invalid: [
    {
      filename: TYPED_FILE,
      code: 'import { trace } from "@opentelemetry/api";\ntrace.getTracer("t").startSpan("s").setAttribute("password", "x");',
      options: [{ requireSpanType: true }],
      errors: [{ messageId: "sensitiveKey", line: 2, column: 50 }],
    },
  ],
});
