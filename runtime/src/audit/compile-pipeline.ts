/**
 * The floe compile pipeline. Stages run in order over a compile context; the
 * ENFORCE stage runs the instrumentation audit, logs one structured warning
 * per gap, and in strict mode fails the compile.
 */
import type { InstrumentationWarning, AuditablePlugin } from "./verify-instrumentation.js";
import { verifyPluginInstrumentation } from "./verify-instrumentation.js";
import { logInstrumentationWarnings, stderrLogger, type StructuredLogger } from "./logger.js";

export const CompileStage = {
  LOAD: "LOAD",
  VALIDATE: "VALIDATE",
  ENFORCE: "ENFORCE",
  GENERATE: "GENERATE",
} as const;
export type CompileStage = (typeof CompileStage)[keyof typeof CompileStage];

export interface CompileContext {
  readonly plugins: readonly AuditablePlugin[];
  readonly strict: boolean;
  readonly logger: StructuredLogger;
  warnings: InstrumentationWarning[];
  /** Free-form artifacts later stages add. */
  artifacts: Record<string, unknown>;
}

export interface CompileStageHandler {
  readonly stage: CompileStage;
  run(context: CompileContext): void | Promise<void>;
}

export interface CompileOptions {
  plugins: Iterable<AuditablePlugin>;
  /** Fail the compile when the audit finds a gap. */
  strict?: boolean;
  logger?: StructuredLogger;
  /** Extra handlers, run at their stage after the built-in ones. */
  handlers?: CompileStageHandler[];
}

export interface CompileResult {
  readonly success: boolean;
  readonly stages: CompileStage[];
  readonly warnings: InstrumentationWarning[];
  readonly artifacts: Record<string, unknown>;
}

export class InstrumentationEnforcementError extends Error {
  constructor(readonly warnings: readonly InstrumentationWarning[]) {
    super(
      `instrumentation audit failed in strict mode with ${warnings.length} gap(s): ` +
        warnings.map((w) => `${w.plugin}: ${w.message}`).join("; "),
    );
    this.name = "InstrumentationEnforcementError";
  }
}

const enforceStage: CompileStageHandler = {
  stage: CompileStage.ENFORCE,
  run(context) {
    context.warnings = verifyPluginInstrumentation(context.plugins);
    logInstrumentationWarnings(context.warnings, context.logger, CompileStage.ENFORCE);
    if (context.strict && context.warnings.length > 0) throw new InstrumentationEnforcementError(context.warnings);
  },
};

const STAGE_ORDER: CompileStage[] = [CompileStage.LOAD, CompileStage.VALIDATE, CompileStage.ENFORCE, CompileStage.GENERATE];

/** Runs every stage in order; throws InstrumentationEnforcementError in strict mode. */
export async function compile(options: CompileOptions): Promise<CompileResult> {
  const context: CompileContext = {
    plugins: [...options.plugins],
    strict: options.strict ?? false,
    logger: options.logger ?? stderrLogger,
    warnings: [],
    artifacts: {},
  };
  const handlers = [enforceStage, ...(options.handlers ?? [])];
  const ran: CompileStage[] = [];
  for (const stage of STAGE_ORDER) {
    for (const handler of handlers) if (handler.stage === stage) await handler.run(context);
    ran.push(stage);
  }
  return { success: context.warnings.length === 0 || !context.strict, stages: ran, warnings: context.warnings, artifacts: context.artifacts };
}
