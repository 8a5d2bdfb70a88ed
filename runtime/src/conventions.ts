/**
 * The one source of truth for floe instrumentation conventions.
 *
 * Pure data and pure functions (no OpenTelemetry import) so that the runtime, `floe-codemod` and
 * `eslint-plugin-floe` can all derive tracer names, span helper names,
 * attribute keys and operation lists from the same table. Nobody re-types a
 * category name anywhere else.
 */
import { namesCredential } from "./sanitize/secret-key-names.js";

/** Every kind of floe plugin. */
export const PluginType = {
  COMPUTE: "COMPUTE",
  ORCHESTRATOR: "ORCHESTRATOR",
  CATALOG: "CATALOG",
  STORAGE: "STORAGE",
  TELEMETRY_BACKEND: "TELEMETRY_BACKEND",
  LINEAGE_BACKEND: "LINEAGE_BACKEND",
  DBT: "DBT",
  SEMANTIC_LAYER: "SEMANTIC_LAYER",
  INGESTION: "INGESTION",
  SECRETS: "SECRETS",
  IDENTITY: "IDENTITY",
  QUALITY: "QUALITY",
  RBAC: "RBAC",
  ALERT_CHANNEL: "ALERT_CHANNEL",
  NETWORK_SECURITY: "NETWORK_SECURITY",
} as const;
export type PluginType = (typeof PluginType)[keyof typeof PluginType];

/** Attributes every plugin span carries (when known). */
export const FLOE_ATTRIBUTES = {
  NAMESPACE: "floe.namespace",
  PRODUCT_NAME: "floe.product.name",
  PRODUCT_VERSION: "floe.product.version",
  PLUGIN_NAME: "floe.plugin.name",
  PLUGIN_TYPE: "floe.plugin.type",
  OPERATION: "floe.operation",
} as const;

/** Attribute keys per tracer-name category. */
export const CATEGORY_ATTRIBUTES = {
  alert: {
    CHANNEL: "alert.channel",
    DESTINATION: "alert.destination",
    DELIVERY_STATUS: "alert.delivery_status",
    SEVERITY: "alert.severity",
  },
  secrets: {
    PROVIDER: "secrets.provider",
    KEY_NAME: "secrets.key_name",
    PATH: "secrets.path",
    COUNT: "secrets.count",
  },
  identity: {
    PROVIDER: "identity.provider",
    REALM: "identity.realm",
    GRANT_TYPE: "identity.grant_type",
    CLIENT_ID: "identity.client_id",
    TOKEN_VALID: "identity.token_valid",
  },
  security: {
    POLICY_TYPE: "security.policy_type",
    RESOURCE_COUNT: "security.resource_count",
    NAMESPACE: "security.namespace",
    VIOLATION_COUNT: "security.violation_count",
  },
  quality: {
    PROVIDER: "quality.provider",
    CHECK_NAME: "quality.check_name",
    ROWS_CHECKED: "quality.rows_checked",
    PASS_COUNT: "quality.pass_count",
    FAIL_COUNT: "quality.fail_count",
  },
  lineage: {
    JOB_NAME: "lineage.job_name",
    JOB_NAMESPACE: "lineage.job_namespace",
    EVENT_TYPE: "lineage.event_type",
    RUN_ID: "lineage.run_id",
  },
  compute: {
    ENGINE: "compute.engine",
    OPERATION: "compute.operation",
    ROW_COUNT: "compute.row_count",
  },
  orchestrator: {
    OPERATION: "orchestrator.operation",
    ASSET_KEY: "orchestrator.asset_key",
    RUN_ID: "orchestrator.run_id",
    RUN_STATUS: "orchestrator.run_status",
  },
  dbt: {
    COMMAND: "dbt.command",
    SELECT: "dbt.select",
    TARGET: "dbt.target",
    NODE_COUNT: "dbt.node_count",
  },
  catalog: {
    NAME: "catalog.name",
    NAMESPACE: "catalog.namespace",
    TABLE: "catalog.table",
    OPERATION: "catalog.operation",
  },
  semantic: {
    CUBE: "semantic.cube",
    OPERATION: "semantic.operation",
    MODEL_COUNT: "semantic.model_count",
  },
  ingestion: {
    SOURCE: "ingestion.source",
    DESTINATION: "ingestion.destination",
    PIPELINE: "ingestion.pipeline",
    ROWS_LOADED: "ingestion.rows_loaded",
  },
  storage: {
    BUCKET: "storage.bucket",
    KEY: "storage.key",
  },
  telemetry: {},
} as const;

export type Category = keyof typeof CATEGORY_ATTRIBUTES;

/** Everything derived from one plugin type. */
export interface CategoryConvention {
  readonly type: PluginType;
  /** Middle segment of the tracer name: `floe.{category}.{implementation}`. */
  readonly category: Category;
  /** Name of the domain span helper `defineTracing` builds, or undefined when never instrumented. */
  readonly spanHelper: string | undefined;
  /** Method names of the plugin contract; each runs inside the domain span. */
  readonly operations: readonly string[];
  /** Whether plugins of this type must declare a tracer name (telemetry backends must not trace themselves). */
  readonly instrumented: boolean;
  /** Name of the per-type abstract base class exported by `@floe/runtime`. */
  readonly baseClass: string;
  /** Package-name prefixes (after `plugin-` / `floe-`) that identify this type, longest first. */
  readonly packagePrefixes: readonly string[];
  /**
   * Implementation segment used regardless of the package name. Security plugins are named
   * by policy kind (`floe.security.rbac`, `floe.security.network`), not by their platform.
   */
  readonly fixedImplementation?: string;
}

function convention<const C extends CategoryConvention>(c: C): C {
  return c;
}

export const CONVENTIONS = {
  COMPUTE: convention({
    type: "COMPUTE", category: "compute", spanHelper: "computeSpan", baseClass: "ComputePlugin",
    operations: ["getProfiles", "validateConnection", "execute"], instrumented: true, packagePrefixes: ["compute"],
  }),
  ORCHESTRATOR: convention({
    type: "ORCHESTRATOR", category: "orchestrator", spanHelper: "orchestratorSpan", baseClass: "OrchestratorPlugin",
    operations: ["createDefinitions", "launchRun", "getRunStatus"], instrumented: true, packagePrefixes: ["orchestrator"],
  }),
  CATALOG: convention({
    type: "CATALOG", category: "catalog", spanHelper: "catalogSpan", baseClass: "CatalogPlugin",
    operations: ["listNamespaces", "createNamespace", "dropNamespace", "listTables", "loadTable", "createTable", "dropTable"],
    instrumented: true, packagePrefixes: ["catalog"],
  }),
  STORAGE: convention({
    type: "STORAGE", category: "storage", spanHelper: "storageSpan", baseClass: "StoragePlugin",
    operations: ["putObject", "getObject", "listObjects", "deleteObject"], instrumented: true, packagePrefixes: ["storage"],
  }),
  TELEMETRY_BACKEND: convention({
    type: "TELEMETRY_BACKEND", category: "telemetry", spanHelper: undefined, baseClass: "TelemetryBackendPlugin",
    operations: [], instrumented: false, packagePrefixes: ["telemetry"],
  }),
  LINEAGE_BACKEND: convention({
    type: "LINEAGE_BACKEND", category: "lineage", spanHelper: "lineageSpan", baseClass: "LineageBackendPlugin",
    operations: ["emitRunEvent", "emitDatasetEvent"], instrumented: true, packagePrefixes: ["lineage"],
  }),
  DBT: convention({
    type: "DBT", category: "dbt", spanHelper: "dbtSpan", baseClass: "DbtPlugin",
    operations: ["compile", "run", "test", "build", "parseManifest"], instrumented: true, packagePrefixes: ["dbt"],
  }),
  SEMANTIC_LAYER: convention({
    type: "SEMANTIC_LAYER", category: "semantic", spanHelper: "semanticSpan", baseClass: "SemanticLayerPlugin",
    operations: ["generateSchema", "syncSchema", "query"], instrumented: true, packagePrefixes: ["semantic-layer", "semantic"],
  }),
  INGESTION: convention({
    type: "INGESTION", category: "ingestion", spanHelper: "ingestionSpan", baseClass: "IngestionPlugin",
    operations: ["runPipeline"], instrumented: true, packagePrefixes: ["ingestion"],
  }),
  SECRETS: convention({
    type: "SECRETS", category: "secrets", spanHelper: "secretsSpan", baseClass: "SecretsPlugin",
    operations: ["getSecret", "setSecret", "deleteSecret", "listSecrets"], instrumented: true, packagePrefixes: ["secrets"],
  }),
  IDENTITY: convention({
    type: "IDENTITY", category: "identity", spanHelper: "identitySpan", baseClass: "IdentityPlugin",
    operations: ["authenticate", "validateToken", "refreshToken", "getUserInfo"], instrumented: true, packagePrefixes: ["identity"],
  }),
  QUALITY: convention({
    type: "QUALITY", category: "quality", spanHelper: "qualitySpan", baseClass: "QualityPlugin",
    operations: ["runChecks", "parseResults"], instrumented: true, packagePrefixes: ["quality"],
  }),
  RBAC: convention({
    type: "RBAC", category: "security", spanHelper: "securitySpan", baseClass: "RbacPlugin",
    operations: ["generateManifests", "validateManifests"], instrumented: true, packagePrefixes: ["rbac", "security-rbac"],
    fixedImplementation: "rbac",
  }),
  ALERT_CHANNEL: convention({
    type: "ALERT_CHANNEL", category: "alert", spanHelper: "alertSpan", baseClass: "AlertChannelPlugin",
    operations: ["sendAlert", "healthCheck"], instrumented: true, packagePrefixes: ["alert-channel", "alert"],
  }),
  NETWORK_SECURITY: convention({
    type: "NETWORK_SECURITY", category: "security", spanHelper: "securitySpan", baseClass: "NetworkSecurityPlugin",
    operations: ["generatePolicies", "validatePolicies"], instrumented: true,
    packagePrefixes: ["network-security", "security-network", "network"], fixedImplementation: "network",
  }),
} as const satisfies Record<PluginType, CategoryConvention>;

export type Conventions = typeof CONVENTIONS;
/** The span helper name for a plugin type, e.g. `"alertSpan"` for `ALERT_CHANNEL`. */
export type SpanHelperName<T extends PluginType> = Exclude<Conventions[T]["spanHelper"], undefined>;
/** The category of a plugin type, e.g. `"security"` for `RBAC`. */
export type CategoryOf<T extends PluginType> = Conventions[T]["category"];

export const PLUGIN_TYPES: readonly PluginType[] = Object.keys(CONVENTIONS) as PluginType[];

/** `floe.{category}.{implementation}`: lowercase, implementation may contain `_` and digits. */
export const TRACER_NAME_PATTERN = /^floe\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)$/;

export function isPluginType(value: unknown): value is PluginType {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(CONVENTIONS, value);
}

/** Plugin types whose tracer names use this category (`security` -> RBAC and NETWORK_SECURITY). */
export function typesForCategory(category: string): PluginType[] {
  return PLUGIN_TYPES.filter((t) => CONVENTIONS[t].category === category);
}

/** Whether plugins of this type must declare a tracer name. */
export function isInstrumentedType(type: PluginType): boolean {
  return CONVENTIONS[type].instrumented;
}

export interface ParsedTracerName {
  readonly category: string;
  readonly implementation: string;
}

/** Splits a tracer name into category and implementation, or returns undefined if malformed. */
export function parseTracerName(name: unknown): ParsedTracerName | undefined {
  if (typeof name !== "string") return undefined;
  const match = TRACER_NAME_PATTERN.exec(name);
  if (!match) return undefined;
  return { category: match[1]!, implementation: match[2]! };
}

/** Normalises free text into a tracer-name implementation segment (`my-pager.v2` -> `my_pager_v2`). */
export function normalizeImplementation(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (cleaned === "") return "default";
  return /^[a-z]/.test(cleaned) ? cleaned : `p_${cleaned}`;
}

/** `floe.{category}.{implementation}` for a plugin type. */
export function tracerNameFor(type: PluginType, implementation: string): string {
  const convention: CategoryConvention = CONVENTIONS[type];
  const impl = convention.fixedImplementation ?? normalizeImplementation(implementation);
  return `floe.${convention.category}.${impl}`;
}

/**
 * Derives the conventional tracer name from a package name and plugin type:
 * `floe-alert-pagerduty` -> `floe.alert.pagerduty`, `@floe/plugin-secrets-k8s` -> `floe.secrets.k8s`,
 * `@floe/plugin-rbac-k8s` -> `floe.security.rbac`.
 */
export function deriveTracerName(type: PluginType, packageName: string): string {
  return tracerNameFor(type, implementationFromPackageName(type, packageName));
}

/**
 * The plugin name a package implies: scope and `floe-`/`plugin-` affixes dropped,
 * `@floe/plugin-alert-slack` -> `alert-slack`, `floe-identity-okta` -> `identity-okta`.
 */
export function pluginNameFromPackageName(packageName: string): string {
  return packageName
    .replace(/^@[^/]+\//, "")
    .toLowerCase()
    .replace(/^(?:floe-plugin-|plugin-floe-|floe-|plugin-)/, "")
    .replace(/-plugin$/, "");
}

/** The implementation segment a package name implies for a plugin type. */
export function implementationFromPackageName(type: PluginType, packageName: string): string {
  const convention: CategoryConvention = CONVENTIONS[type];
  const base = pluginNameFromPackageName(packageName);
  const prefixes = [...convention.packagePrefixes, convention.category].sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (base.startsWith(`${prefix}-`)) return normalizeImplementation(base.slice(prefix.length + 1));
    if (base.endsWith(`-${prefix}`)) return normalizeImplementation(base.slice(0, -(prefix.length + 1)));
  }
  return normalizeImplementation(base);
}

/** What is wrong with a declared tracer name, by kind (the audit maps these to its warning codes). */
export type TracerNameProblemCode = "NOT_INSTRUMENTED" | "MISSING" | "MALFORMED" | "CATEGORY_MISMATCH";

export interface TracerNameProblem {
  readonly code: TracerNameProblemCode;
  readonly message: string;
  /** The category the plugin type uses. */
  readonly expectedCategory: string;
  /** The parsed name, when it has the `floe.{category}.{implementation}` shape. */
  readonly parsed?: ParsedTracerName;
}

/** The one check of a declared tracer name against a plugin type; undefined when it is valid. */
export function tracerNameProblem(type: PluginType, tracerName: unknown): TracerNameProblem | undefined {
  const convention = CONVENTIONS[type];
  const expectedCategory = convention.category;
  if (!convention.instrumented) {
    if (tracerName === undefined) return undefined;
    return { code: "NOT_INSTRUMENTED", expectedCategory, message: `${type} plugins are never instrumented and must not declare a tracerName` };
  }
  if (tracerName === undefined || tracerName === null || tracerName === "") {
    return { code: "MISSING", expectedCategory, message: "tracerName is missing" };
  }
  const parsed = parseTracerName(tracerName);
  if (!parsed) {
    return { code: "MALFORMED", expectedCategory, message: `tracerName ${JSON.stringify(tracerName)} does not match floe.{category}.{implementation}` };
  }
  if (parsed.category !== expectedCategory) {
    return {
      code: "CATEGORY_MISMATCH", expectedCategory, parsed,
      message: `tracerName ${JSON.stringify(tracerName)} has category "${parsed.category}" but ${type} plugins use "${expectedCategory}"`,
    };
  }
  return undefined;
}

/** Problems with a declared tracer name for a plugin type; empty when it is valid. */
export function tracerNameProblems(type: PluginType, tracerName: unknown): string[] {
  const problem = tracerNameProblem(type, tracerName);
  return problem ? [problem.message] : [];
}

/** Identifier of the codemod transform that adds a missing tracer name. */
export const TRACER_NAME_CODEMOD = "npx floe-codemod generate-tracing";
/** Identifier of the codemod transform that migrates the legacy `operationName` option. */
export const OPERATION_NAME_CODEMOD = "npx floe-codemod rename-operation-name";
/** Module the legacy `traced` was imported from before `@floe/runtime` existed. */
export const LEGACY_TRACED_MODULE = "@floe/iceberg/telemetry";
/** Module that exports the sanitizing helpers. */
export const RUNTIME_MODULE = "@floe/runtime";

/**
 * Attribute keys are classified by the same word list as keys inside error
 * text (`sanitize/secret-key-names.ts`, attribute mode: structured values such
 * as cookies, DSNs and connection strings are dropped whole). Only floe's own
 * conventional keys (`secrets.key_name`, `identity.token_valid`) are decided here.
 */
const CONVENTIONAL_KEYS: ReadonlySet<string> = new Set(
  Object.values(CATEGORY_ATTRIBUTES).flatMap((attrs) => Object.values(attrs as Record<string, string>)),
);

/**
 * Whether an attribute key names a secret (its value must never be recorded). Verdicts are
 * remembered (bounded) by the shared classifier: RedactingSpanExporter asks for every attribute.
 */
export function isSensitiveAttributeKey(key: string): boolean {
  return classifyAttributeKey(key);
}

function classifyAttributeKey(key: string): boolean {
  return !CONVENTIONAL_KEYS.has(key) && namesCredential(key, "attribute");
}

/**
 * What the codemod and the lint rules both analyse code with, so they agree by construction:
 * the members that make a value an OpenTelemetry `Span` (structurally, as the type checker
 * sees it), and the words that make a `setStatus` message carry an error's text.
 */
export const SPAN_MEMBERS: readonly string[] = ["spanContext", "setAttribute", "setStatus", "recordException", "end", "isRecording", "updateName"];

export const ERROR_TEXT_VOCABULARY = {
  /** `err.message`, `err.stack`: the error's text. */
  textProperties: new Set(["message", "stack"]) as ReadonlySet<string>,
  /** `res.error`, `event.cause`: members that hold an error. */
  holderProperties: new Set(["error", "err", "cause", "reason", "exception"]) as ReadonlySet<string>,
  /** String methods whose result still contains (part of) the receiver's text. */
  textPreservingMethods: new Set([
    "slice", "substring", "substr", "trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "replace",
    "replaceAll", "concat", "padStart", "padEnd", "normalize", "at", "toString", "valueOf",
  ]) as ReadonlySet<string>,
  /** Names of bindings that hold an error. */
  errorName: /^(?:e|err|error|ex|exc|exception|cause|reason)$|(?:Error|Err|Exception)$/i,
  /** Runtime functions whose result is already sanitized. */
  sanitizers: new Set(["sanitizeErrorMessage", "sanitizedErrorDescription"]) as ReadonlySet<string>,
} as const;
