/**
 * Which tracer name a package gets: package.json `floe.tracerName`, else the
 * `--tracer-name` option, else the conventional name derived from the plugin
 * type and package name. An override that breaks the conventions is an
 * error, never silently replaced.
 */
import { deriveTracerName, tracerNameProblems, type PluginType } from "@floe/runtime/conventions";

export interface TracerNameInput {
  readonly pluginType: PluginType;
  readonly packageName: string;
  /** package.json `floe.tracerName`. */
  readonly declared: string | undefined;
  /** `--tracer-name`. */
  readonly option: string | undefined;
}

export function resolveTracerName(input: TracerNameInput): string {
  const [name, source] =
    input.declared !== undefined
      ? [input.declared, "package.json floe.tracerName"]
      : input.option !== undefined
        ? [input.option, "--tracer-name"]
        : [deriveTracerName(input.pluginType, input.packageName), "the derived tracer name"];
  const problems = tracerNameProblems(input.pluginType, name);
  if (problems.length > 0) {
    throw new Error(
      `${input.packageName}: invalid ${source} ${JSON.stringify(name)} for type ${input.pluginType}: ${problems.join("; ")}`,
    );
  }
  return name;
}
