/** Per-type plugin contracts: abstract classes over PluginMetadata carrying the conventions' operations. */
export * from "./alert-channel.js";
export * from "./catalog.js";
export * from "./compute.js";
export * from "./dbt.js";
export * from "./dbt-artifacts.js";
export * from "./identity.js";
export * from "./ingestion.js";
export * from "./lineage-backend.js";
export * from "./network-security.js";
export * from "./orchestrator.js";
export * from "./quality.js";
export * from "./rbac.js";
export * from "./secrets.js";
export * from "./semantic-layer.js";
export * from "./storage.js";
export * from "./telemetry-backend.js";
