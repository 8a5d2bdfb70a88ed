#!/usr/bin/env node
/**
 * The type-aware rules on every TypeScript minor of the peer range. TypeScript renumbers
 * its internal enums between releases (6.0 moved `TypeFlags`), so a rule that works with
 * the repo's TypeScript can silently stop reporting with another one.
 *
 * Installs, OUTSIDE the repo, one scratch project per minor: `typescript@<latest patch>` with
 * the repo's versions of `@typescript-eslint/parser` and `/utils` (so that everything there
 * resolves that TypeScript) and a link to the repo's `@floe/runtime`. Then runs
 * test/ts-matrix.test.ts, which copies the plugin's src/ into each scratch project (so that
 * its `typescript` import resolves there) and lints the same cases through that project:
 *
 *   node scripts/ts-matrix.mjs            # install what is missing, then run the matrix test
 *   node scripts/ts-matrix.mjs install    # install only
 *   node scripts/ts-matrix.mjs run        # run only (minors not installed are skipped)
 *
 * FLOE_TS_MATRIX_DIR chooses the scratch root (default: $TMPDIR/ts-matrix). Without the
 * scratch installs, the test still runs the repo's TypeScript and skips the others by name.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = (await import("node:module")).createRequire(path.join(packageDir, "package.json"));

/** Latest patch of every minor in the peer range `>=5.0 <6.1` (also read by the test). */
export const TS_MATRIX = ["5.0.4", "5.1.6", "5.2.2", "5.3.3", "5.4.5", "5.5.4", "5.6.3", "5.7.3", "5.8.3", "5.9.3", "6.0.3"];

export function matrixRoot() {
  return process.env.FLOE_TS_MATRIX_DIR ?? path.join(os.tmpdir(), "ts-matrix");
}

const minorOf = (version) => version.split(".").slice(0, 2).join(".");

/** The scratch project of a TypeScript version. */
export function matrixDir(version) {
  return path.join(matrixRoot(), minorOf(version));
}

const versionAt = (dir, name) => {
  const file = path.join(dir, "node_modules", name, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : undefined;
};

/** Whether the scratch project of `version` is complete. */
export function isInstalled(version) {
  const dir = matrixDir(version);
  return (
    versionAt(dir, "typescript") === version &&
    versionAt(dir, "@typescript-eslint/parser") !== undefined &&
    versionAt(dir, "@typescript-eslint/utils") !== undefined &&
    existsSync(path.join(dir, "node_modules", "@floe", "runtime", "package.json"))
  );
}

/** The folder of a package the plugin depends on (its main entry, up to its package.json). */
function packageRoot(name) {
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, "package.json")) || JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package root for ${name}`);
    dir = parent;
  }
  return dir;
}

function install(version) {
  const dir = matrixDir(version);
  if (isInstalled(version)) {
    console.log(`typescript ${version}: installed in ${dir}`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `ts-matrix-${minorOf(version)}`, private: true }, null, 2));
  const tsEslint = (name) => `@typescript-eslint/${name}@${require(`@typescript-eslint/${name}/package.json`).version}`;
  console.log(`typescript ${version}: npm install in ${dir}`);
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--no-package-lock", `typescript@${version}`, tsEslint("parser"), tsEslint("utils")],
    { cwd: dir, stdio: "inherit" },
  );
  const runtimeLink = path.join(dir, "node_modules", "@floe", "runtime");
  mkdirSync(path.dirname(runtimeLink), { recursive: true });
  rmSync(runtimeLink, { recursive: true, force: true });
  symlinkSync(packageRoot("@floe/runtime"), runtimeLink, "dir");
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const command = process.argv[2] ?? "all";
  if (command === "install" || command === "all") for (const version of TS_MATRIX) install(version);
  if (command === "run" || command === "all") {
    const result = spawnSync("npx", ["vitest", "run", "test/ts-matrix.test.ts"], {
      cwd: packageDir,
      stdio: "inherit",
      env: { ...process.env, FLOE_TS_MATRIX_DIR: matrixRoot() },
    });
    process.exitCode = result.status ?? 1;
  }
}
