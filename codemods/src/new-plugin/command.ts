/**
 * The command line of `floe-codemod new-plugin <category> <impl> [--dir <folder>]`:
 * parses its arguments, runs the scaffolder and prints what it wrote and what
 * to run next. Exit 0 on success, 2 on bad arguments or a refused scaffold.
 */
import path from "node:path";
import { NEW_PLUGIN } from "../transforms/index.js";
import { newPlugin } from "./scaffold.js";

function usage(): string {
  return `Usage: ${NEW_PLUGIN.usage}\n\n${NEW_PLUGIN.description}\n\nExample: ${NEW_PLUGIN.example}\n`;
}

export async function newPluginCommand(args: readonly string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(usage());
    return 0;
  }
  const positional: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--dir") {
      dir = args[++i];
      if (dir === undefined) return fail("--dir needs a folder");
    } else if (arg.startsWith("--dir=")) dir = arg.slice("--dir=".length);
    else if (arg.startsWith("-")) return fail(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) return fail(`expected <category> <impl>, got ${positional.length} argument(s)`);
  const [category, implementation] = positional as [string, string];
  try {
    const result = await newPlugin({ category, implementation, dir });
    const where = path.relative(process.cwd(), result.packageDir) || ".";
    process.stdout.write(
      `created ${result.kind.packageName} (${result.kind.pluginType}, tracer ${result.kind.tracerName}) in ${where}:\n` +
        result.files.map((f) => `  ${f}\n`).join("") +
        `next: npm install (links the workspace), then implement the operations against the real peer\n`,
    );
    return 0;
  } catch (error) {
    return fail((error as Error).message);
  }
}

function fail(message: string): number {
  process.stderr.write(`floe-codemod new-plugin: ${message}\n${usage()}`);
  return 2;
}
