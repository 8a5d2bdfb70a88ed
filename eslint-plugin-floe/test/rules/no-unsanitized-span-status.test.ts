import rule, { RULE_NAME } from "../../src/rules/no-unsanitized-span-status.js";
import { createRuleTester, createTypedRuleTester, TYPED_FILE, runRule } from "../support/rule-tester.js";

const ruleTester = createRuleTester();
const OTEL = 'import { SpanStatusCode } from "@opentelemetry/api";\n';
const RT = 'import { sanitizeErrorMessage } from "@floe/runtime";\n';
const DECL = "declare const span: any;\n";

function invalid(message: string, fixed: string, column: number, extra = "") {
  return {
    code: `${OTEL}${RT}${DECL}${extra}try {} catch (err) { span.setStatus({ code: SpanStatusCode.ERROR, message: ${message} }); }`,
    output: `${OTEL}${RT}${DECL}${extra}try {} catch (err) { span.setStatus({ code: SpanStatusCode.ERROR, message: ${fixed} }); }`,
    errors: [{ messageId: "unsanitizedStatus" as const, line: 4 + extra.split("\n").length - 1, column }],
  };
}
// column of `message:` value: "try {} catch (err) { span.setStatus({ code: SpanStatusCode.ERROR, message: " is 76 chars
const COL = 76;

runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    `${OTEL}${RT}${DECL}try {} catch (err) { span.setStatus({ code: SpanStatusCode.ERROR, message: sanitizeErrorMessage(err) }); }`,
    `${OTEL}${RT}${DECL}try {} catch (err) { span.setStatus({ code: SpanStatusCode.ERROR, message: \`failed: \${sanitizeErrorMessage(String(err))}\` }); }`,
    `${OTEL}${DECL}span.setStatus({ code: SpanStatusCode.ERROR, message: "static text" });`,
    `${OTEL}${DECL}try {} catch (err) { span.setStatus({ code: SpanStatusCode.OK, message: String(err) }); }`,
    `${OTEL}${DECL}declare const count: number;\nspan.setStatus({ code: SpanStatusCode.ERROR, message: String(count) });`,
    `${OTEL}${RT}${DECL}try {} catch (err) { const msg = sanitizeErrorMessage(err); span.setStatus({ code: SpanStatusCode.ERROR, message: msg }); }`,
    // a local SpanStatusCode that is not OpenTelemetry's
    `${DECL}const SpanStatusCode = { ERROR: "e" };\ntry {} catch (err) { span.setStatus({ code: SpanStatusCode.ERROR, message: String(err) }); }`,
    // a shadowed String
    `${OTEL}${DECL}function f(String: (x: unknown) => string, value: unknown) { span.setStatus({ code: SpanStatusCode.ERROR, message: String(value) }); }`,
    // the `message` of something that is not an error is ordinary text (an alert's body, a peer reply, this.message)
    `${OTEL}${DECL}declare const alert: { message: string };\nspan.setStatus({ code: SpanStatusCode.ERROR, message: alert.message });`,
    `${OTEL}${DECL}declare const response: { message: string };\nspan.setStatus({ code: SpanStatusCode.ERROR, message: \`rejected: \${response.message}\` });`,
    `${OTEL}${DECL}class Job { message = "queued"; fail() { span.setStatus({ code: SpanStatusCode.ERROR, message: this.message }); } }`,
  ],
  invalid: [
    {
      // CommonJS: the helper comes from a require merged into the existing one, never an ESM import
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: 'const { SpanStatusCode } = require("@opentelemetry/api");\nconst { recordSanitizedException } = require("@floe/runtime");\nexports.fail = (span, err) => { recordSanitizedException(span, err); span.setStatus({ code: SpanStatusCode.ERROR, message: err.message }); };',
      output:
        'const { SpanStatusCode } = require("@opentelemetry/api");\nconst { recordSanitizedException, sanitizeErrorMessage } = require("@floe/runtime");\nexports.fail = (span, err) => { recordSanitizedException(span, err); span.setStatus({ code: SpanStatusCode.ERROR, message: sanitizeErrorMessage(err.message) }); };',
      errors: [{ messageId: "unsanitizedStatus", line: 3 }],
    },
    invalid("err.message", "sanitizeErrorMessage(err.message)", COL, ""),
    invalid("(err as Error)?.message", "sanitizeErrorMessage((err as Error)?.message)", COL),
    invalid("String(err)", "sanitizeErrorMessage(String(err))", COL),
    invalid("`${err}`", "sanitizeErrorMessage(`${err}`)", COL),
    invalid("(err as Error).toString()", "sanitizeErrorMessage((err as Error).toString())", COL),
    invalid("JSON.stringify(err)", "sanitizeErrorMessage(JSON.stringify(err))", COL),
    invalid(
      "err instanceof Error ? err.message : String(err)",
      "sanitizeErrorMessage(err instanceof Error ? err.message : String(err))",
      COL,
    ),
    invalid('"request failed: " + (err as Error).message', 'sanitizeErrorMessage("request failed: " + (err as Error).message)', COL),
    invalid('"request failed: " + err', 'sanitizeErrorMessage("request failed: " + err)', COL),
    invalid("(err as Error).message.slice(0, 100)", "sanitizeErrorMessage((err as Error).message.slice(0, 100))", COL),
    invalid("/* why */ (err as Error).message", "/* why */ sanitizeErrorMessage((err as Error).message)", COL + 10),
    // error holders and values the rule cannot name still count; `.stack` always does
    invalid("reply.error.message", "sanitizeErrorMessage(reply.error.message)", COL, "declare const reply: any;\n"),
    invalid("this.lastError.message", "sanitizeErrorMessage(this.lastError.message)", COL),
    invalid("toError(err).message", "sanitizeErrorMessage(toError(err).message)", COL, "declare function toError(e: unknown): Error;\n"),
    invalid("job.stack", "sanitizeErrorMessage(job.stack)", COL, "declare const job: { stack: string };\n"),
    {
      // shorthand `message` bound to an error-derived const; status code written as 2; no import yet
      code: `${DECL}try {} catch (e) {\n  const message = (e as Error).message;\n  span.setStatus({ code: 2, message });\n}`,
      output: `import { sanitizeErrorMessage } from "@floe/runtime";\n${DECL}try {} catch (e) {\n  const message = (e as Error).message;\n  span.setStatus({ code: 2, message: sanitizeErrorMessage(message) });\n}`,
      errors: [{ messageId: "unsanitizedStatus", line: 4, column: 29 }],
    },
    {
      // namespace access to SpanStatusCode, optional receiver, alias of the sanitizer, computed setStatus
      code: `import * as api from "@opentelemetry/api";\nimport { sanitizeErrorMessage as clean } from "@floe/runtime";\n${DECL}declare const error: Error;\nspan?.["setStatus"]({ code: api.SpanStatusCode.ERROR, message: error.message, });\nvoid clean;`,
      output: `import * as api from "@opentelemetry/api";\nimport { sanitizeErrorMessage as clean } from "@floe/runtime";\n${DECL}declare const error: Error;\nspan?.["setStatus"]({ code: api.SpanStatusCode.ERROR, message: clean(error.message), });\nvoid clean;`,
      errors: [{ messageId: "unsanitizedStatus", line: 5, column: 64 }],
    },
    {
      // destructured from a CommonJS require, alias of SpanStatusCode
      filename: "legacy.js",
      code: `import { recordSanitizedException } from "@floe/runtime";\nconst { SpanStatusCode: Code } = require("@opentelemetry/api");\nexport function f(span, reason) { recordSanitizedException; span.setStatus({ code: Code.ERROR, message: \`\${reason}\` }); }`,
      output: `import { recordSanitizedException, sanitizeErrorMessage } from "@floe/runtime";\nconst { SpanStatusCode: Code } = require("@opentelemetry/api");\nexport function f(span, reason) { recordSanitizedException; span.setStatus({ code: Code.ERROR, message: sanitizeErrorMessage(\`\${reason}\`) }); }`,
      errors: [{ messageId: "unsanitizedStatus", line: 3, column: 105 }],
    },
    {
      // `import x = require()` and an import alias of a namespace member (`import Code = api.SpanStatusCode`)
      filename: "legacy.cts",
      code: `import api = require("@opentelemetry/api");\nimport Code = api.SpanStatusCode;\nexport function f(span: api.Span, err: Error) { span.setStatus({ code: Code.ERROR, message: err.message }); }`,
      output: `import { sanitizeErrorMessage } from "@floe/runtime";\nimport api = require("@opentelemetry/api");\nimport Code = api.SpanStatusCode;\nexport function f(span: api.Span, err: Error) { span.setStatus({ code: Code.ERROR, message: sanitizeErrorMessage(err.message) }); }`,
      errors: [{ messageId: "unsanitizedStatus", line: 3, column: 93 }],
    },
  ],
});

const typedRuleTester = createTypedRuleTester();
const PRELUDE = [
  'import { SpanStatusCode, trace } from "@opentelemetry/api";',
  "class Job { setStatus(_s: { code: number; message?: string }): void {} }",
  "const job = new Job();",
  "const span = trace.getTracer('t').startSpan('s');",
  "const ERR = SpanStatusCode.ERROR;",
  "declare const failure: Error;",
  "",
].join("\n");

runRule(typedRuleTester, `${RULE_NAME} (typed)`, rule, {
  valid: [
    { filename: TYPED_FILE, code: `${PRELUDE}job.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });`, options: [{ requireSpanType: true }] },
  ],
  invalid: [
    {
      // the checker resolves `ERR` to SpanStatusCode.ERROR
      filename: TYPED_FILE,
      code: `${PRELUDE}span.setStatus({ code: ERR, message: failure.message });`,
      options: [{ requireSpanType: true }],
      output: `${PRELUDE.replace("\n", '\nimport { sanitizeErrorMessage } from "@floe/runtime";\n')}span.setStatus({ code: ERR, message: sanitizeErrorMessage(failure.message) });`,
      errors: [{ messageId: "unsanitizedStatus", line: 7, column: 38 }],
    },
  ],
});
