import rule, { RULE_NAME } from "../../src/rules/valid-tracer-name.js";
import { createRuleTester, createTypedRuleTester, PAGERDUTY_FILE, TYPED_FILE, runRule } from "../support/rule-tester.js";

const ruleTester = createRuleTester();
const ALERT = 'import { AlertChannelPlugin } from "@floe/runtime";\n';

runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    `${ALERT}class A extends AlertChannelPlugin { override get tracerName() { return "floe.alert.slack"; } }`,
    `${ALERT}class A extends AlertChannelPlugin { override readonly tracerName = \`floe.alert.slack\`; }`,
    `import { RbacPlugin } from "@floe/runtime";\nclass R extends RbacPlugin { override get tracerName() { return "floe.security.rbac"; } }`,
    `import { NetworkSecurityPlugin } from "@floe/runtime";\nclass N extends NetworkSecurityPlugin { override get tracerName() { return "floe.security.network"; } }`,
    // same-file const
    `${ALERT}const NAME = "floe.alert.slack";\nclass A extends AlertChannelPlugin { override get tracerName() { return NAME; } }`,
    // imported TRACER_NAME from a relative module read from disk
    { filename: PAGERDUTY_FILE, code: `import { TRACER_NAME } from "./tracing.js";\n${ALERT}class A extends AlertChannelPlugin { override get tracerName() { return TRACER_NAME; } }` },
    // dynamic values are not judged
    `${ALERT}declare const n: string;\nclass A extends AlertChannelPlugin { override get tracerName() { return n; } }`,
    // not a plugin
    'class A { get tracerName() { return "nope"; } }',
  ],
  invalid: [
    {
      filename: PAGERDUTY_FILE,
      code: `${ALERT}class A extends AlertChannelPlugin { override get tracerName() { return "floe.secrets.pagerduty"; } }`,
      output: null,
      errors: [
        {
          messageId: "wrongCategory",
          data: { value: "floe.secrets.pagerduty", category: "secrets", type: "ALERT_CHANNEL", expected: "alert" },
          line: 2,
          column: 73,
          suggestions: [
            {
              messageId: "useConventionalName",
              data: { tracerName: "floe.alert.pagerduty" },
              output: `${ALERT}class A extends AlertChannelPlugin { override get tracerName() { return "floe.alert.pagerduty"; } }`,
            },
          ],
        },
      ],
    },
    {
      code: `${ALERT}class A extends AlertChannelPlugin { override tracerName = "Floe-Alert-Slack"; }`,
      output: null,
      errors: [{ messageId: "invalidFormat", line: 2, column: 60 }],
    },
    {
      // RBAC and NETWORK_SECURITY share the `security` category
      code: 'import { RbacPlugin as R } from "@floe/runtime";\nclass X extends R { override get tracerName() { return "floe.rbac.k8s"; } }',
      output: null,
      errors: [{ messageId: "wrongCategory", data: { expected: "security", category: "rbac", type: "RBAC", value: "floe.rbac.k8s" }, line: 2, column: 56 }],
    },
    {
      // wrong TRACER_NAME imported from a relative module on disk
      filename: PAGERDUTY_FILE,
      code: `import { WRONG_TRACER_NAME } from "./tracing.js";\n${ALERT}class A extends AlertChannelPlugin { override get tracerName() { return WRONG_TRACER_NAME; } }`,
      output: null,
      errors: [{ messageId: "wrongCategory", line: 3, column: 73, suggestions: [] }],
    },
    {
      // pluginType getter decides the category
      code: 'import { PluginMetadata, PluginType } from "@floe/runtime";\nconst N = "floe.alert.x";\nclass Q extends PluginMetadata { get pluginType() { return PluginType.QUALITY; } override get tracerName() { return N; } }',
      output: null,
      errors: [{ messageId: "wrongCategory", data: { value: "floe.alert.x", category: "alert", type: "QUALITY", expected: "quality" }, line: 3, column: 117 }],
    },
    {
      // telemetry backends must not declare one
      code: 'import { TelemetryBackendPlugin } from "@floe/runtime";\nclass T extends TelemetryBackendPlugin { override get tracerName() { return "floe.telemetry.console"; } }',
      output: null,
      errors: [{ messageId: "notInstrumented", line: 2, column: 55 }],
    },
    {
      // unknown plugin type (extends PluginMetadata without pluginType): category must exist
      code: 'import { PluginMetadata } from "@floe/runtime";\nclass U extends PluginMetadata { override get tracerName() { return "floe.banana.x"; } }',
      output: null,
      errors: [{ messageId: "unknownCategory", data: { value: "floe.banana.x", category: "banana" }, line: 2, column: 69 }],
    },
  ],
});

const typedRuleTester = createTypedRuleTester();
runRule(typedRuleTester, `${RULE_NAME} (typed)`, rule, {
  valid: [],
  invalid: [
    {
      // the checker's literal type of a value the syntactic path cannot follow
      filename: TYPED_FILE,
      code: 'import { DbtPlugin } from "@floe/runtime";\nconst names = { tracer: "floe.compute.dbt" } as const;\nexport abstract class D extends DbtPlugin { override get tracerName() { return names.tracer; } }',
      output: null,
      errors: [{ messageId: "wrongCategory", data: { value: "floe.compute.dbt", category: "compute", type: "DBT", expected: "dbt" }, line: 3, column: 80 }],
    },
  ],
});

// The generated tracing module's declaration: the one `tracing.Plugin(...)` classes take their name from.
const DEFINE = 'import { defineTracing, PluginType } from "@floe/runtime";\n';
runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    `${DEFINE}export const TRACER_NAME = "floe.alert.pager";\nexport const tracing = defineTracing({ package: { name: "p", version: "1.0.0" }, tracerName: TRACER_NAME, pluginType: PluginType.ALERT_CHANNEL });`,
    `${DEFINE}defineTracing({ tracerName: "floe.security.rbac", pluginType: PluginType.RBAC });`,
    // not the runtime's defineTracing
    'function defineTracing(o: object) { return o; }\ndefineTracing({ tracerName: "nope", pluginType: "SECRETS" });',
  ],
  invalid: [
    {
      code: `${DEFINE}export const TRACER_NAME = "floe.alert.pager";\nexport const tracing = defineTracing({ tracerName: TRACER_NAME, pluginType: PluginType.SECRETS });`,
      output: null,
      errors: [{ messageId: "wrongCategory", data: { value: "floe.alert.pager", category: "alert", type: "SECRETS", expected: "secrets" }, line: 3, column: 52 }],
    },
    {
      code: `${DEFINE}defineTracing({ tracerName: "Floe.Alert", pluginType: PluginType.ALERT_CHANNEL });`,
      output: null,
      errors: [{ messageId: "invalidFormat", line: 2, column: 29 }],
    },
  ],
});
