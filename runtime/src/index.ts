/**
 * `@floe/runtime`: the tracing library every floe plugin imports.
 */
export * from "./conventions.js";
export { sanitizeErrorMessage, REDACTED, DEFAULT_MAX_LENGTH, type SanitizeOptions } from "./sanitize/index.js";
export { redactKnownSecrets } from "./sanitize/known-secrets.js";
export {
  recordSanitizedException,
  sanitizedExceptionAttributes,
  sanitizedErrorDescription,
} from "./tracing/record-exception.js";
export {
  configureExceptionRecording,
  EXCEPTION_LOGGER_NAME,
  type ExceptionRecordingMode,
  type ExceptionRecordingOptions,
} from "./tracing/exception-recording.js";
export { withSpan } from "./tracing/with-span.js";
export {
  traced,
  ATTRIBUTES_FN_ERROR_EVENT,
  ATTRIBUTES_FN_FAILED,
  type TracedOptions,
  type TracedDecorator,
} from "./tracing/traced.js";
export {
  defineTracing,
  type DomainSpan,
  type DomainSpanOptions,
  type TracingKit,
  type TracingSpec,
} from "./tracing/define-tracing.js";
export {
  setFloeContext,
  getFloeContext,
  toFloeAttributes,
  type FloeContext,
  type FloeAttributesInput,
} from "./tracing/floe-context.js";
export { PluginMetadata, FLOE_API_VERSION } from "./plugins/plugin-metadata.js";
export {
  withIdentity,
  identityOfPackage,
  readPackageIdentity,
  identityFromPackageJson,
  type PackageIdentity,
  type PluginIdentity,
  type PluginBaseClass,
  type IdentifiedBase,
} from "./plugins/plugin-identity.js";
export * from "./contracts/index.js";
export {
  verifyPluginInstrumentation,
  type AuditablePlugin,
  type InstrumentationWarning,
  type InstrumentationWarningCode,
} from "./audit/verify-instrumentation.js";
export { stderrLogger, AUDIT_EVENT, logInstrumentationWarnings, type StructuredLogger } from "./audit/logger.js";
export {
  compile,
  CompileStage,
  InstrumentationEnforcementError,
  type CompileContext,
  type CompileOptions,
  type CompileResult,
  type CompileStageHandler,
} from "./audit/compile-pipeline.js";
export {
  PluginRegistry,
  discoverPlugins,
  loadPlugin,
  readDeclaration,
  type LoadedPlugin,
  type PluginDeclaration,
  type PluginClass,
  type DiscoverOptions,
  type RegistryOptions,
} from "./plugins/registry.js";
export { RedactingSpanExporter, redactSpan, redactAttributes } from "./export/redacting-span-exporter.js";
export {
  redactingExporter,
  redactingSpanProcessor,
  serviceResource,
  serviceResourceAttributes,
  type RedactingProcessorOptions,
  type ServiceIdentity,
} from "./export/redacting-provider.js";
