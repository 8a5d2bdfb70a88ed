/**
 * generate-tracing: writes a plugin package's `src/tracing.ts` from the floe
 * conventions and wires the plugin class's `tracerName` to it.
 * (Minimal placeholder while the real transform is written.)
 */
import type { FileChange, ProjectTransform } from "../core/types.js";

export const generateTracing: ProjectTransform = {
  kind: "project",
  name: "generate-tracing",
  description: "Generate src/tracing.ts from the conventions, add the tracerName override and a tracing test.",
  run(): FileChange[] {
    return [];
  },
};
