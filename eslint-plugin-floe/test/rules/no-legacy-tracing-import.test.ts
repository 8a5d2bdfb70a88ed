import rule, { RULE_NAME } from "../../src/rules/no-legacy-tracing-import.js";
import { createRuleTester, runRule } from "../support/rule-tester.js";

const ruleTester = createRuleTester();

runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    'import { traced } from "@floe/runtime";\ntraced({ name: "op" });',
    // other imports from the legacy module are fine
    'import { meter } from "@floe/iceberg/telemetry";\nvoid meter;',
    'import type { Meter } from "@floe/iceberg/telemetry";\nlet m: Meter | undefined;\nvoid m;',
    // a namespace import that never uses `traced`
    'import * as tel from "@floe/iceberg/telemetry";\ntel.meter();',
    // someone else's module; a local `require`
    'import { traced } from "other-lib";\nvoid traced;',
    'function require(_m: string) { return { traced: 1 }; }\nconst { traced } = require("@floe/iceberg/telemetry");\nvoid traced;',
    'export { meter } from "@floe/iceberg/telemetry";',
  ],
  invalid: [
    {
      // legacy import alone: the module specifier moves, quotes kept; the option is another rule's
      code: "import { traced } from '@floe/iceberg/telemetry';\ntraced({ operationName: 'q' });",
      output: "import { traced } from '@floe/runtime';\ntraced({ operationName: 'q' });",
      errors: [{ messageId: "legacyImport", line: 1, column: 10, data: { source: "@floe/iceberg/telemetry", runtime: "@floe/runtime" } }],
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
      // default import next to it: `import d, { traced }` -> `import d`
      code: 'import tel, { traced } from "@floe/iceberg/telemetry";\nvoid tel; void traced;',
      output: 'import tel from "@floe/iceberg/telemetry";\nimport { traced } from "@floe/runtime";\nvoid tel; void traced;',
      errors: [{ messageId: "legacyImport", line: 1, column: 15 }],
    },
    {
      // re-export
      code: 'export { traced } from "@floe/iceberg/telemetry";',
      output: 'export { traced } from "@floe/runtime";',
      errors: [{ messageId: "legacyImport", line: 1, column: 10 }],
    },
    {
      // re-export among others: reported, not fixed
      code: 'export { traced, meter } from "@floe/iceberg/telemetry";',
      output: null,
      errors: [{ messageId: "legacyImport", line: 1, column: 10 }],
    },
    {
      // `import type` is reported but never moved into a value import
      code: 'import type { traced } from "@floe/iceberg/telemetry";\nlet t: typeof traced | undefined;\nvoid t;',
      output: null,
      errors: [{ messageId: "legacyImport", line: 1, column: 15 }],
    },
    {
      // namespace import of the legacy module whose `traced` is used: reported, not fixed
      code: 'import * as tel from "@floe/iceberg/telemetry";\ntel.traced({ name: "x" });',
      output: null,
      errors: [{ messageId: "legacyImport", line: 1, column: 8 }],
    },
    {
      // CommonJS destructured require: the module moves when `traced` is all it takes
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: "const { traced } = require('@floe/iceberg/telemetry');\nmodule.exports = traced({ name: 'x' }, () => 1);",
      output: "const { traced } = require('@floe/runtime');\nmodule.exports = traced({ name: 'x' }, () => 1);",
      errors: [{ messageId: "legacyImport", line: 1, column: 9 }],
    },
    {
      filename: "legacy.cjs",
      languageOptions: { parserOptions: { sourceType: "script" } },
      code: "const { meter, traced: t } = require('@floe/iceberg/telemetry');\nmodule.exports = [meter, t];",
      output: null,
      errors: [{ messageId: "legacyImport", line: 1, column: 16 }],
    },
  ],
});
