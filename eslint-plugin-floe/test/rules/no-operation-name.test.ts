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
    // other imports from the legacy module are fine
    'import { meter } from "@floe/iceberg/telemetry";\nvoid meter;',
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
      // legacy import alone: the source moves; then its option is renamed
      code: "import { traced } from '@floe/iceberg/telemetry';\ntraced({ operationName: 'q' });",
      output: "import { traced } from '@floe/runtime';\ntraced({ name: 'q' });",
      errors: [
        { messageId: "legacyImport", line: 1, column: 10 },
        { messageId: "operationName", line: 2, column: 10 },
      ],
    },
    {
      // merged into an existing @floe/runtime import, legacy statement removed
      code: 'import { withSpan } from "@floe/runtime";\nimport { traced as tr } from "@floe/iceberg/telemetry";\nvoid withSpan; void tr;',
      output: 'import { withSpan, traced as tr } from "@floe/runtime";\nvoid withSpan; void tr;',
      errors: [{ messageId: "legacyImport", line: 2, column: 10 }],
    },
    {
      // other legacy specifiers stay where they are
      code: 'import { meter, traced } from "@floe/iceberg/telemetry";\nvoid meter; void traced;',
      output: 'import { meter } from "@floe/iceberg/telemetry";\nimport { traced } from "@floe/runtime";\nvoid meter; void traced;',
      errors: [{ messageId: "legacyImport", line: 1, column: 17 }],
    },
    {
      code: 'import { traced, meter } from "@floe/iceberg/telemetry";\nimport { withSpan } from "@floe/runtime";\nvoid meter; void traced; void withSpan;',
      output: 'import { meter } from "@floe/iceberg/telemetry";\nimport { withSpan, traced } from "@floe/runtime";\nvoid meter; void traced; void withSpan;',
      errors: [{ messageId: "legacyImport", line: 1, column: 10 }],
    },
    {
      // re-export
      code: 'export { traced } from "@floe/iceberg/telemetry";',
      output: 'export { traced } from "@floe/runtime";',
      errors: [{ messageId: "legacyImport", line: 1, column: 10 }],
    },
    {
      // namespace import of the legacy module: reported, not fixed; the option is still fixed
      code: 'import * as tel from "@floe/iceberg/telemetry";\ntel.traced({ operationName: "x" });',
      output: 'import * as tel from "@floe/iceberg/telemetry";\ntel.traced({ name: "x" });',
      errors: [
        { messageId: "legacyImport", line: 1, column: 8 },
        { messageId: "operationName", line: 2, column: 14 },
      ],
    },
  ],
});
