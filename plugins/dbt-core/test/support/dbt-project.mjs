/**
 * Test helper shared by the dbt-core, dbt-fusion and quality-dbt tests:
 * writes a throwaway dbt project (dbt_project.yml, profiles.yml, the
 * scenario fake-dbt.mjs follows) and reads back what the stand-in dbt received.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the stand-in dbt executable. */
export const FAKE_DBT = path.join(path.dirname(fileURLToPath(import.meta.url)), "fake-dbt.mjs");

const DEFAULT_PROFILE = { type: "duckdb", path: "floe.duckdb", threads: 1 };

function profilesYaml(projectName, output) {
  const lines = [`${projectName}:`, "  target: dev", "  outputs:", "    dev:"];
  for (const [key, value] of Object.entries(output)) lines.push(`      ${key}: ${typeof value === "string" ? JSON.stringify(value) : value}`);
  return lines.join("\n") + "\n";
}

export async function createDbtProject({ name = "jaffle_shop", scenario = {}, profile = DEFAULT_PROFILE } = {}) {
  const root = await mkdtemp(path.join(tmpdir(), "floe-dbt-"));
  const projectDir = path.join(root, "project");
  const profilesDir = path.join(root, "profiles");
  await mkdir(projectDir);
  await mkdir(profilesDir);
  await writeFile(
    path.join(projectDir, "dbt_project.yml"),
    `name: '${name}'\nversion: '1.0.0'\nprofile: '${name}'\nmodel-paths: ["models"]\n`,
  );
  await writeFile(path.join(profilesDir, "profiles.yml"), profilesYaml(name, profile));
  await writeFile(path.join(projectDir, "fake_dbt.json"), JSON.stringify(scenario));
  return {
    root,
    projectDir,
    profilesDir,
    setScenario: (next) => writeFile(path.join(projectDir, "fake_dbt.json"), JSON.stringify(next)),
    invocations() {
      const file = path.join(projectDir, "fake_dbt_invocations.jsonl");
      if (!existsSync(file)) return [];
      return readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
