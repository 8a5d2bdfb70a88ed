/** `@floe/plugin-catalog-polaris`: Iceberg REST catalog plugin (Apache Polaris). */
export { PolarisCatalogPlugin, type ResolvedCatalogConfig } from "./polaris-plugin.js";
export { polarisConfigSchema, parsePolarisConfig, type PolarisConfig, type PolarisConfigInput } from "./config.js";
export * from "./errors.js";
export {
  buildSchema,
  type ColumnSpec,
  type CreateTableSpec,
  type IcebergField,
  type IcebergSchema,
  type IcebergTable,
  type IcebergType,
} from "./iceberg.js";
export { NAMESPACE_SEPARATOR, encodeNamespace, decodeNamespace, displayNamespace } from "./namespace.js";
export * from "./tracing.js";
