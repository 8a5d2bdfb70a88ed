/**
 * Iceberg table model as the REST catalog exchanges it: schemas (struct of
 * typed fields with ids), the `LoadTableResult` body, and the shapes of the
 * list responses, validated with zod so a malformed answer is a typed error.
 */
import { z } from "zod";

const primitiveType = z.union([
  z.enum(["boolean", "int", "long", "float", "double", "date", "time", "timestamp", "timestamptz", "timestamp_ns", "timestamptz_ns", "string", "uuid", "binary"]),
  z.string().regex(/^decimal\(\d+,\s*\d+\)$/),
  z.string().regex(/^fixed\[\d+\]$/),
]);

export type IcebergType = string | IcebergStruct | IcebergList | IcebergMap;
export interface IcebergField {
  id: number;
  name: string;
  type: IcebergType;
  required: boolean;
  doc?: string;
}
export interface IcebergStruct {
  type: "struct";
  fields: IcebergField[];
}
export interface IcebergList {
  type: "list";
  "element-id": number;
  element: IcebergType;
  "element-required": boolean;
}
export interface IcebergMap {
  type: "map";
  "key-id": number;
  key: IcebergType;
  "value-id": number;
  value: IcebergType;
  "value-required": boolean;
}
export interface IcebergSchema extends IcebergStruct {
  "schema-id": number;
  "identifier-field-ids"?: number[];
}

const icebergType: z.ZodType<IcebergType> = z.lazy(() => z.union([primitiveType, structType, listType, mapType]));
const fieldSchema: z.ZodType<IcebergField> = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  type: icebergType,
  required: z.boolean(),
  doc: z.string().optional(),
});
const structType: z.ZodType<IcebergStruct> = z.object({ type: z.literal("struct"), fields: z.array(fieldSchema) });
const listType: z.ZodType<IcebergList> = z.object({
  type: z.literal("list"),
  "element-id": z.number().int(),
  element: icebergType,
  "element-required": z.boolean(),
});
const mapType: z.ZodType<IcebergMap> = z.object({
  type: z.literal("map"),
  "key-id": z.number().int(),
  key: icebergType,
  "value-id": z.number().int(),
  value: icebergType,
  "value-required": z.boolean(),
});

export const icebergSchemaSchema: z.ZodType<IcebergSchema> = z.object({
  type: z.literal("struct"),
  "schema-id": z.number().int(),
  fields: z.array(fieldSchema),
  "identifier-field-ids": z.array(z.number().int()).optional(),
});

/** A column for `buildSchema`: ids are assigned in order, starting at 1. */
export interface ColumnSpec {
  name: string;
  type: string;
  required?: boolean;
  doc?: string;
}

/** Builds a top-level Iceberg schema from flat typed columns. */
export function buildSchema(columns: readonly ColumnSpec[], options: { identifierFields?: string[] } = {}): IcebergSchema {
  const fields = columns.map((column, index) => {
    const field: IcebergField = { id: index + 1, name: column.name, type: column.type, required: column.required ?? false };
    if (column.doc !== undefined) field.doc = column.doc;
    return field;
  });
  const schema: IcebergSchema = { type: "struct", "schema-id": 0, fields };
  if (options.identifierFields?.length) {
    schema["identifier-field-ids"] = options.identifierFields.map((name) => {
      const field = fields.find((f) => f.name === name);
      if (!field) throw new TypeError(`identifier field ${name} is not a column`);
      return field.id;
    });
  }
  return icebergSchemaSchema.parse(schema);
}

export const configResponseSchema = z.object({
  defaults: z.record(z.string(), z.string()).default({}),
  overrides: z.record(z.string(), z.string()).default({}),
  endpoints: z.array(z.string()).optional(),
});
export type CatalogConfigResponse = z.infer<typeof configResponseSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().optional(),
  issued_token_type: z.string().optional(),
});

export const listNamespacesResponseSchema = z.object({
  namespaces: z.array(z.array(z.string())),
  "next-page-token": z.string().nullish(),
});

export const namespaceResponseSchema = z.object({
  namespace: z.array(z.string()),
  properties: z.record(z.string(), z.string()).optional(),
});

export const listTablesResponseSchema = z.object({
  identifiers: z.array(z.object({ namespace: z.array(z.string()), name: z.string() })),
  "next-page-token": z.string().nullish(),
});

export const loadTableResponseSchema = z.object({
  "metadata-location": z.string().nullish(),
  metadata: z.looseObject({
    "format-version": z.number().int(),
    "table-uuid": z.string(),
    location: z.string(),
    "current-schema-id": z.number().int(),
    schemas: z.array(icebergSchemaSchema),
    properties: z.record(z.string(), z.string()).optional(),
  }),
  config: z.record(z.string(), z.string()).optional(),
});

/** What `loadTable` / `createTable` return. */
export interface IcebergTable {
  namespace: string[];
  name: string;
  metadataLocation: string | undefined;
  formatVersion: number;
  tableUuid: string;
  location: string;
  schema: IcebergSchema;
  properties: Record<string, string>;
}

/** The request body of `createTable`, minus the name. */
export interface CreateTableSpec {
  schema: IcebergSchema;
  location?: string;
  properties?: Record<string, string>;
  partitionSpec?: { "spec-id"?: number; fields: Array<{ "source-id": number; "field-id"?: number; name: string; transform: string }> };
}
