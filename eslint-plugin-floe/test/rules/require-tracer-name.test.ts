import rule, { RULE_NAME } from "../../src/rules/require-tracer-name.js";
import { createRuleTester, PAGERDUTY_FILE, runRule } from "../support/rule-tester.js";

const ruleTester = createRuleTester();
const BODY = 'get name() { return "p"; } get version() { return "1.0.0"; }';

runRule(ruleTester, RULE_NAME, rule, {
  valid: [
    // declares it: getter, property, class field with override
    `import { AlertChannelPlugin } from "@floe/runtime";\nexport class A extends AlertChannelPlugin { ${BODY} override get tracerName() { return "floe.alert.a"; } }`,
    `import { SecretsPlugin } from "@floe/runtime";\nexport class A extends SecretsPlugin { ${BODY} override readonly tracerName = "floe.secrets.a"; }`,
    `import { SecretsPlugin } from "@floe/runtime";\nexport class A extends SecretsPlugin { ${BODY} accessor tracerName = "floe.secrets.a"; }`,
    // telemetry backends are exempt: by base class, or by pluginType getter
    `import { TelemetryBackendPlugin } from "@floe/runtime";\nexport class Console extends TelemetryBackendPlugin { ${BODY} }`,
    `import { PluginMetadata, PluginType } from "@floe/runtime";\nexport class Jaeger extends PluginMetadata { ${BODY} get pluginType() { return PluginType.TELEMETRY_BACKEND; } }`,
    // the telemetry type through a const
    `import { PluginMetadata, PluginType } from "@floe/runtime";\nconst TYPE = PluginType.TELEMETRY_BACKEND;\nexport class Otlp extends PluginMetadata { ${BODY} readonly pluginType = TYPE; }`,
    // not a floe plugin: an unrelated base class of the same name
    `class AlertChannelPlugin {}\nexport class A extends AlertChannelPlugin {}`,
    `import { AlertChannelPlugin } from "somewhere-else";\nexport class A extends AlertChannelPlugin {}`,
    // abstract intermediate bases are not plugins yet
    `import { PluginMetadata } from "@floe/runtime";\nexport abstract class Base extends PluginMetadata {}`,
    // a same-file base declares it
    `import { QualityPlugin } from "@floe/runtime";\nabstract class Base extends QualityPlugin { override get tracerName() { return "floe.quality.x"; } }\nexport class Q extends Base { ${BODY} }`,
    // ambient declarations have no implementation to fix: declaration files, `declare module`, `declare global`
    {
      filename: "plugins.d.ts",
      code: 'import { AlertChannelPlugin } from "@floe/runtime";\nexport class Typed extends AlertChannelPlugin { sendAlert(): Promise<never>; }',
    },
    'import { AlertChannelPlugin } from "@floe/runtime";\ndeclare module "some-plugin" { export class Ambient extends AlertChannelPlugin {} }',
    'import { PluginMetadata } from "@floe/runtime";\ndeclare global { class GlobalPlugin extends PluginMetadata {} }\nexport {};',
    'import { PluginMetadata } from "@floe/runtime";\ndeclare namespace NS { namespace Inner { class P extends PluginMetadata {} } }',
    "export default class extends Object {}",
    // the identity (tracer name included) is declared once, by the tracing kit the base comes from
    'import { AlertChannelPlugin } from "@floe/runtime";\nimport { tracing } from "./tracing.js";\nexport class A extends tracing.Plugin(AlertChannelPlugin) {}',
    'import { withIdentity, SecretsPlugin } from "@floe/runtime";\nexport class A extends withIdentity(SecretsPlugin, { name: "a", version: "1.0.0", tracerName: "floe.secrets.a" }) {}',
    'import { withIdentity, TelemetryBackendPlugin } from "@floe/runtime";\nexport class T extends withIdentity(TelemetryBackendPlugin, { name: "t", version: "1.0.0" }) {}',
    "class A { static tracerName = 1; }",
  ],
  invalid: [
    {
      // an identity base without a tracer name, for an instrumented type
      code: 'import { withIdentity, SecretsPlugin } from "@floe/runtime";\nexport class A extends withIdentity(SecretsPlugin, { name: "a", version: "1.0.0" }) {}',
      output: null,
      errors: [{ messageId: "missingTracerName", line: 2, column: 14, suggestions: [] }],
    },
    {
      filename: PAGERDUTY_FILE,
      code: `import { AlertChannelPlugin } from "@floe/runtime";\n\nexport class PagerDutyPlugin extends AlertChannelPlugin {\n  ${BODY}\n}`,
      output: null,
      errors: [
        {
          messageId: "missingTracerName",
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: "addTracerName",
              data: { tracerName: "floe.alert.pagerduty" },
              output: `import { AlertChannelPlugin } from "@floe/runtime";\n\nexport class PagerDutyPlugin extends AlertChannelPlugin {\n  override get tracerName(): string {\n    return "floe.alert.pagerduty";\n  }\n\n  ${BODY}\n}`,
            },
          ],
        },
      ],
    },
    {
      // aliased base, empty body; JS file: no `override`, no type annotation
      filename: PAGERDUTY_FILE.replace(/\.ts$/, ".js"),
      code: 'import { AlertChannelPlugin as Base } from "@floe/runtime";\nexport class P extends Base {}',
      output: null,
      errors: [
        {
          messageId: "missingTracerName",
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: "addTracerName",
              data: { tracerName: "floe.alert.pagerduty" },
              output:
                'import { AlertChannelPlugin as Base } from "@floe/runtime";\nexport class P extends Base {\n  get tracerName() {\n    return "floe.alert.pagerduty";\n  }\n}',
            },
          ],
        },
      ],
    },
    {
      // namespace import; RBAC uses a fixed implementation segment
      filename: PAGERDUTY_FILE,
      code: 'import * as rt from "@floe/runtime";\nexport class R extends rt.RbacPlugin { }',
      output: null,
      errors: [
        {
          messageId: "missingTracerName",
          data: { name: "`R`" },
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: "addTracerName",
              data: { tracerName: "floe.security.rbac" },
              output:
                'import * as rt from "@floe/runtime";\nexport class R extends rt.RbacPlugin {\n  override get tracerName(): string {\n    return "floe.security.rbac";\n  }\n }',
            },
          ],
        },
      ],
    },
    {
      // PluginMetadata with an explicit pluginType; outside any package: no suggestion
      filename: "/nonexistent-floe-dir/plugin.ts",
      code: `import { PluginMetadata, PluginType } from "@floe/runtime/conventions";\nimport { PluginMetadata as PM } from "@floe/runtime";\nexport class S extends PM { ${BODY} get pluginType() { return PluginType.SECRETS; } }\nvoid PluginMetadata;`,
      output: null,
      errors: [{ messageId: "missingTracerName", line: 3, column: 14, suggestions: [] }],
    },
    {
      // through a same-file base class, nameless default export class
      code: `import { CatalogPlugin } from "@floe/runtime";\nabstract class Base extends CatalogPlugin {}\nexport default class extends Base { ${BODY} }`,
      output: null,
      errors: [{ messageId: "missingTracerName", line: 3, column: 30, data: { name: "(anonymous)" } }],
    },
    {
      // class expression, decorators
      code: 'import { IdentityPlugin } from "@floe/runtime";\ndeclare function dec(...a: unknown[]): any;\nexport const K = @dec class Keycloak extends IdentityPlugin { #secret = 1; }',
      output: null,
      errors: [{ messageId: "missingTracerName", line: 3, column: 29 }],
    },
  ],
});
