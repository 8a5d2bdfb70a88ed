/** Contract for CATALOG plugins: Iceberg-style namespaces and tables. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type NamespacePath = readonly string[];

export interface TableIdentifier {
  namespace: NamespacePath;
  name: string;
}

export abstract class CatalogPlugin<TableMetadata = unknown, TableSpec = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.CATALOG {
    return PluginType.CATALOG;
  }
  abstract listNamespaces(parent?: NamespacePath): Promise<NamespacePath[]>;
  abstract createNamespace(namespace: NamespacePath, properties?: Record<string, string>): Promise<void>;
  abstract dropNamespace(namespace: NamespacePath): Promise<void>;
  abstract listTables(namespace: NamespacePath): Promise<TableIdentifier[]>;
  abstract loadTable(table: TableIdentifier): Promise<TableMetadata>;
  abstract createTable(table: TableIdentifier, spec: TableSpec): Promise<TableMetadata>;
  abstract dropTable(table: TableIdentifier, purge?: boolean): Promise<void>;
}
