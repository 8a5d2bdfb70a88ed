/**
 * K8sRbacPlugin: floe RBAC plugin for Kubernetes. Generates least-privilege
 * ServiceAccount / Role / RoleBinding manifests from a floe RBAC config and
 * validates manifest sets, each inside a `security.*` span carrying the
 * policy type and resource count.
 */
import { RbacPlugin, type ManifestValidation } from "@floe/runtime";
import {
  parseWith,
  pluginOptionsSchema,
  rbacConfigSchema,
  type RbacConfigInput,
  type RbacPluginOptions,
  type RbacPluginOptionsInput,
} from "./config.js";
import { ConfigError } from "./errors.js";
import { generate, serviceAccountName, type K8sManifest } from "./manifests.js";
import { ATTRIBUTES, securitySpan, tracing } from "./tracing.js";
import { validate } from "./validate.js";
import { renderYaml } from "./yaml-io.js";

export const POLICY_TYPE = "rbac";

export class K8sRbacPlugin extends tracing.Plugin(RbacPlugin<RbacConfigInput, K8sManifest>) {
  private readonly options: RbacPluginOptions;

  constructor(options: RbacPluginOptionsInput = {}) {
    super();
    this.options = parseWith(pluginOptionsSchema, options, "RBAC plugin");
  }

  override generateManifests(config: RbacConfigInput): Promise<K8sManifest[]> {
    return securitySpan("generateManifests", { [ATTRIBUTES.POLICY_TYPE]: POLICY_TYPE }, async (span) => {
      const parsed = parseWith(rbacConfigSchema, config, "floe RBAC", "RBAC_CONFIG_INVALID");
      const seen = new Set<string>();
      for (const job of parsed.jobs) {
        const id = `${job.namespace}/${serviceAccountName(job)}`;
        if (seen.has(id)) throw new ConfigError("floe RBAC", [`jobs: service account ${id} is declared twice`], { code: "RBAC_CONFIG_INVALID" });
        seen.add(id);
      }
      const manifests = generate(parsed, this.options.labels);
      span.setAttribute(ATTRIBUTES.RESOURCE_COUNT, manifests.length);
      const namespaces = [...new Set(parsed.jobs.map((j) => j.namespace))];
      if (namespaces.length === 1) span.setAttribute(ATTRIBUTES.NAMESPACE, namespaces[0]!);
      return manifests;
    }, { floe: this.options.floe });
  }

  /** Findings are a verdict: the span is OK with `security.violation_count`; unreadable input rejects. */
  override validateManifests(manifests: K8sManifest[]): Promise<ManifestValidation> {
    return securitySpan("validateManifests", { [ATTRIBUTES.POLICY_TYPE]: POLICY_TYPE }, async (span) => {
      const violations = validate(manifests);
      span.setAttribute(ATTRIBUTES.RESOURCE_COUNT, manifests.length);
      span.setAttribute(ATTRIBUTES.VIOLATION_COUNT, violations.length);
      return { valid: violations.length === 0, violations };
    }, { floe: this.options.floe });
  }

  /** Generated manifests as one multi-document YAML file. */
  async generateYaml(config: RbacConfigInput): Promise<string> {
    return renderYaml(await this.generateManifests(config));
  }
}
