/**
 * Finds dbt Fusion: an explicitly configured executable, a `dbtf` on PATH,
 * or a `dbt` whose `--version` output names Fusion (Fusion installs as
 * `dbt` too). A candidate counts only if `--version` succeeds and says Fusion.
 */
import { constants, promises as fs } from "node:fs";
import path from "node:path";
import { DbtCli, DbtExecutableNotFoundError, type ResolvedDbtCliConfig } from "@floe/plugin-dbt-core";

export interface FusionDetection {
  available: boolean;
  /** The Fusion executable, when found. */
  executable?: string;
  /** Fusion's version, e.g. `2.0.0-preview.45`. */
  version?: string;
  /** Which candidate was Fusion. */
  via?: "configured" | "dbtf" | "dbt";
  /** Every candidate looked at. */
  checked: string[];
}

const FUSION_VERSION = /fusion[^\n]*?(\d+\.\d+\.\d+[\w.+-]*)/i;

/** Resolves an executable name on PATH (names containing a slash are returned as they are). */
export async function findOnPath(name: string, envPath: string | undefined): Promise<string | undefined> {
  if (name.includes("/") || name.includes(path.sep)) return name;
  for (const dir of (envPath ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      await fs.access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** Runs `<executable> --version`; returns Fusion's version, or undefined when it is not Fusion. */
export async function fusionVersionOf(runner: ResolvedDbtCliConfig, executable: string): Promise<string | undefined> {
  try {
    const { exitCode, output } = await new DbtCli({ ...runner, executable }).version();
    if (exitCode !== 0 || !/fusion/i.test(output)) return undefined;
    return FUSION_VERSION.exec(output)?.[1] ?? "unknown";
  } catch (error) {
    if (error instanceof DbtExecutableNotFoundError) return undefined;
    throw error;
  }
}

export async function detectFusion(runner: ResolvedDbtCliConfig, configured: string | undefined): Promise<FusionDetection> {
  const envPath = runner.env.PATH ?? (runner.inheritEnv ? process.env.PATH : undefined);
  const candidates: { executable: string; via: FusionDetection["via"] }[] = [];
  if (configured) {
    candidates.push({ executable: configured, via: "configured" });
  } else {
    const dbtf = await findOnPath("dbtf", envPath);
    if (dbtf) candidates.push({ executable: dbtf, via: "dbtf" });
    candidates.push({ executable: runner.executable, via: "dbt" });
  }
  const checked: string[] = [];
  for (const candidate of candidates) {
    checked.push(candidate.executable);
    const version = await fusionVersionOf(runner, candidate.executable);
    if (version) return { available: true, executable: candidate.executable, version, via: candidate.via, checked };
  }
  return { available: false, checked };
}
