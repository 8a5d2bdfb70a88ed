/**
 * instrument-operations: opens the conventional domain span around each
 * contract operation of a plugin class that does not open one yet.
 * (Minimal placeholder while the real transform is written.)
 */
import type { FileChange, ProjectTransform } from "../core/types.js";

export const instrumentOperations: ProjectTransform = {
  kind: "project",
  name: "instrument-operations",
  description: "Wrap the plugin class's contract operations in their domain span (decorator in TS, helper in JS).",
  run(): FileChange[] {
    return [];
  },
};
