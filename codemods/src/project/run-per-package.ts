/**
 * Runs a project transform's work package by package. One failing package
 * does not lose the others' changes: the failures are thrown together as a
 * PackageTransformError that carries the successful packages' changes, so
 * the runner can write those and report each failure with its package.
 */
import type { FileChange, ProjectTransformContext } from "../core/types.js";

export interface PackageFailure {
  readonly packageDir: string;
  readonly message: string;
  readonly error: unknown;
}

export class PackageTransformError extends Error {
  constructor(
    readonly transform: string,
    readonly failures: readonly PackageFailure[],
    /** Changes of the packages that succeeded. */
    readonly changes: readonly FileChange[],
  ) {
    super(
      failures.length === 1
        ? `${transform}: ${failures[0]!.message}`
        : `${transform}: ${failures.length} packages failed:\n${failures.map((f) => `  ${f.packageDir}: ${f.message}`).join("\n")}`,
    );
    this.name = "PackageTransformError";
  }
}

export async function runPerPackage(
  transform: string,
  context: ProjectTransformContext,
  runPackage: (packageDir: string) => Promise<FileChange[]>,
): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  const failures: PackageFailure[] = [];
  for (const packageDir of context.packageDirs) {
    try {
      changes.push(...(await runPackage(packageDir)));
    } catch (error) {
      failures.push({ packageDir, message: error instanceof Error ? error.message : String(error), error });
    }
  }
  if (failures.length > 0) throw new PackageTransformError(transform, failures, changes);
  return changes;
}
