/** Every rule of the plugin, keyed by its id (without the `floe/` prefix). */
import noLegacyTracingImport from "./no-legacy-tracing-import.js";
import noOperationName from "./no-operation-name.js";
import noRawRecordException from "./no-raw-record-exception.js";
import noSensitiveSpanAttributes from "./no-sensitive-span-attributes.js";
import noUnsanitizedSpanStatus from "./no-unsanitized-span-status.js";
import requireTracerName from "./require-tracer-name.js";
import validTracerName from "./valid-tracer-name.js";

export const rules = {
  "no-raw-record-exception": noRawRecordException,
  "no-unsanitized-span-status": noUnsanitizedSpanStatus,
  "require-tracer-name": requireTracerName,
  "valid-tracer-name": validTracerName,
  "no-operation-name": noOperationName,
  "no-legacy-tracing-import": noLegacyTracingImport,
  "no-sensitive-span-attributes": noSensitiveSpanAttributes,
};

export type RuleName = keyof typeof rules;
