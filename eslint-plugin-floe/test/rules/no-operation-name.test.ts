import rule, { RULE_NAME } from "../../src/rules/no-operation-name.js";
import { createRuleTester, runRule } from "../support/rule-tester.js";

const ruleTester = createRuleTester();
const RT = 'import { traced } from "@floe/runtime";\n';

runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    `${RT}traced({ name: "op" })(() => 1);`,
    // someone else's `traced`
    'import { traced } from "other-lib";\ntraced({ operationName: "op" });',
    'function traced(o: unknown) { return o; }\ntraced({ operationName: "op" });',
    // shadowed import
    `${RT}function f(traced: (o: unknown) => void) { traced({ operationName: "op" }); }`,
    // the legacy import itself is another rule's finding
    'import { traced } from "@floe/iceberg/telemetry";\ntraced({ name: "op" });',
  ],
  invalid: [
    {
      code: `${RT}export const run = traced({ operationName: "compile", kind: 1 }, async () => 1);`,
      output: `${RT}export const run = traced({ name: "compile", kind: 1 }, async () => 1);`,
      errors: [{ messageId: "operationName", line: 2, column: 29 }],
    },
    {
      // decorator, comments and value kept
      code: `${RT}class P {\n  @traced({ /* legacy */ operationName: /* op */ "sendAlert" })\n  async sendAlert() {}\n}`,
      output: `${RT}class P {\n  @traced({ /* legacy */ name: /* op */ "sendAlert" })\n  async sendAlert() {}\n}`,
      errors: [{ messageId: "operationName", line: 3, column: 26 }],
    },
    {
      // shorthand; aliased import
      code: 'import { traced as t } from "@floe/runtime";\nconst operationName = "x";\nt({ operationName });',
      output: 'import { traced as t } from "@floe/runtime";\nconst operationName = "x";\nt({ name: operationName });',
      errors: [{ messageId: "operationName", line: 3, column: 5 }],
    },
    {
      // namespace import; quoted and computed keys
      code: 'import * as rt from "@floe/runtime";\nrt.traced({ "operationName": "a" });\nrt.traced({ ["operationName"]: "b" });',
      output: 'import * as rt from "@floe/runtime";\nrt.traced({ name: "a" });\nrt.traced({ name: "b" });',
      errors: [
        { messageId: "operationName", line: 2, column: 13 },
        { messageId: "operationName", line: 3, column: 14 },
      ],
    },
    {
      // both keys: reported without a fix
      code: `${RT}traced({ name: "a", operationName: "b" });`,
      output: null,
      errors: [{ messageId: "operationNameWithName", line: 2, column: 21 }],
    },
    {
      // the legacy `traced` is `traced` too: its option is renamed (the import is no-legacy-tracing-import's)
      code: "import { traced } from '@floe/iceberg/telemetry';\ntraced({ operationName: 'q' });",
      output: "import { traced } from '@floe/iceberg/telemetry';\ntraced({ name: 'q' });",
      errors: [{ messageId: "operationName", line: 2, column: 10 }],
    },
    {
      code: 'import * as tel from "@floe/iceberg/telemetry";\ntel.traced({ operationName: "x" });',
      output: 'import * as tel from "@floe/iceberg/telemetry";\ntel.traced({ name: "x" });',
      errors: [{ messageId: "operationName", line: 2, column: 14 }],
    },
  ],
});
