/**
 * Puts the shared stand-in dbt (plugins/dbt-core/test/support/fake-dbt.mjs)
 * on a PATH under the names the real installs use: `dbtf` (Fusion) and `dbt`.
 * Symlinks, not copies: fake-dbt.mjs answers as Fusion when invoked as `dbtf`.
 */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FAKE_DBT } from "../../../dbt-core/test/support/dbt-project.mjs";

export interface FusionBin {
  dir: string;
  /** PATH with the bin directory first. */
  path: string;
  cleanup(): Promise<void>;
}

export async function createBin(names: readonly ("dbtf" | "dbt")[]): Promise<FusionBin> {
  const root = await mkdtemp(path.join(tmpdir(), "floe-fusion-bin-"));
  const dir = path.join(root, "bin");
  await mkdir(dir);
  for (const name of names) await symlink(FAKE_DBT, path.join(dir, name));
  return { dir, path: `${dir}${path.delimiter}${process.env.PATH ?? ""}`, cleanup: () => rm(root, { recursive: true, force: true }) };
}
