/**
 * PluginMetadata's defaults (floeApiVersion, tracerName) and the two ways plugins override them:
 * accessors and readonly properties, including fields assigned in the constructor
 * (`useDefineForClassFields: false` output).
 */
import { describe, expect, it } from "vitest";
import { FLOE_API_VERSION, PluginMetadata, PluginType, verifyPluginInstrumentation } from "../src/index.js";

// eslint-disable-next-line floe/require-tracer-name -- the default (no tracer name) is what this test checks
class Defaults extends PluginMetadata {
  readonly name = "alert-defaults";
  readonly version = "1.0.0";
  readonly pluginType = PluginType.ALERT_CHANNEL;
}

class PropertyForm extends Defaults {
  override readonly floeApiVersion = "1.0";
  override readonly tracerName = "floe.alert.property";
}

class AccessorForm extends Defaults {
  override get tracerName(): string {
    return "floe.alert.accessor";
  }
}

/** What TypeScript emits for a field without define semantics: an assignment in the constructor. */
// eslint-disable-next-line floe/require-tracer-name -- declares it by assignment, which the rule does not see
class AssignedForm extends Defaults {
  constructor() {
    super();
    (this as { tracerName: string }).tracerName = "floe.alert.assigned";
  }
}

describe("PluginMetadata", () => {
  it("defaults: the runtime's API version and no tracer name", () => {
    const plugin = new Defaults();
    expect(plugin.floeApiVersion).toBe(FLOE_API_VERSION);
    expect(plugin.tracerName).toBeUndefined();
    expect(Object.keys(plugin)).not.toContain("tracerName");
  });

  it("a readonly property, an accessor or an assigned field overrides the default", () => {
    expect(new PropertyForm().tracerName).toBe("floe.alert.property");
    expect(new PropertyForm().floeApiVersion).toBe("1.0");
    expect(new AccessorForm().tracerName).toBe("floe.alert.accessor");
    expect(new AssignedForm().tracerName).toBe("floe.alert.assigned");
    expect(new Defaults().tracerName).toBeUndefined();
  });

  it("the audit reads every form", () => {
    const warnings = verifyPluginInstrumentation([new Defaults(), new PropertyForm(), new AccessorForm(), new AssignedForm()]);
    expect(warnings.map((w) => w.plugin)).toEqual(["alert-defaults"]);
  });
});
