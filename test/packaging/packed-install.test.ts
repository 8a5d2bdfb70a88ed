/**
 * The published packages work outside this monorepo: `npm pack` of
 * @floe/runtime, floe-codemod and eslint-plugin-floe, installed from the
 * tarballs into a fresh project in the temp dir (every other dependency from
 * the npm registry), then used the way a user would: `npx floe-codemod`, the
 * ESLint plugin in a flat config, and a migrated file type-checked against
 * the installed runtime types under moduleResolution node16, nodenext and
 * bundler (with @types/node, as in any Node project: @floe/runtime/testing
 * starts loopback servers, so its declarations name node:http), library
 * declarations checked too (skipLibCheck off) under node16. Each tarball passes
 * publint (run on what npm installed from it) and @arethetypeswrong/cli (on the
 * tarball itself, profile esm-only: the packages are ESM for Node >=20.19, whose
 * `require` loads ESM). The plugin's peer ranges are tried at both ends: ESLint 9
 * with TypeScript 5.4 and ESLint 10 with TypeScript 6.0 in projects of their own
 * (and ESLint 10 with TypeScript 5.9 in the main one), where the type-checked
 * config reports optional spans and the migrated file type-checks.
 *
 * New packages (issue 16's audience packages) go in PACKAGES: every check below
 * runs over that list.
 *
 * Needs the npm registry. FLOE_SKIP_PACKAGING=1 skips it (offline machines).
 * Packs with --ignore-scripts: `npm test` has already built dist/ (prepack
 * would run a nested turbo build while other suites import those files).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PACKAGES = [
  { workspace: "runtime", name: "@floe/runtime", tarball: "floe-runtime" },
  { workspace: "codemods", name: "floe-codemod", tarball: "floe-codemod" },
  { workspace: "eslint-plugin-floe", name: "eslint-plugin-floe", tarball: "eslint-plugin-floe" },
];
const RAW = `import type { Span } from "@opentelemetry/api";
import { PluginType, tracerNameFor } from "@floe/runtime/conventions";
import { createTestTracing } from "@floe/runtime/testing";

export const TRACER: string = tracerNameFor(PluginType.ALERT_CHANNEL, "pager");
export const tracing = createTestTracing();

export function fail(span: Span | undefined, err: unknown): void {
  span?.recordException(err as Error);
}
`;

/** Optional spans the type-checked config must report (TypeScript 6 renumbered the `TypeFlags` the check reads). */
const OPTIONAL_SPANS = `import { SpanStatusCode, type Span } from "@opentelemetry/api";

export function fail(span: Span | undefined, e: Error): void {
  span?.recordException(e);
  span?.setStatus({ code: SpanStatusCode.ERROR, message: e.message });
  span?.setAttribute("password", "hunter2");
}
`;
const OPTIONAL_SPAN_FINDINGS = [
  { ruleId: "floe/no-raw-record-exception", line: 4 },
  { ruleId: "floe/no-unsanitized-span-status", line: 5 },
  { ruleId: "floe/no-sensitive-span-attributes", line: 6 },
];
const TYPE_CHECKED_CONFIG = `import tsParser from "@typescript-eslint/parser";
import floe from "eslint-plugin-floe";

export default [
  { files: ["**/*.ts"], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ["**/*.ts"], ...floe.configs["recommended-type-checked"] },
];
`;
/** The ends of eslint-plugin-floe's peer ranges, each in a project of its own (the main app has ESLint 10 with TypeScript 5.9). */
const PEERS = [
  { name: "eslint9-ts5.4", eslint: "^9.39.0", typescript: "~5.4.5" },
  { name: "eslint10-ts6.0", eslint: "^10.0.0", typescript: "~6.0.3" },
];
const TS_PARSER = "@typescript-eslint/parser@^8.73.0";

let work: string;
let app: string;
const tarballs: string[] = [];
const peerApps = new Map<string, string>();

/** The file of a dev tool's bin (publint, attw; devDependencies of this workspace), run with this Node. */
function binOf(pkg: string, bin: string): string {
  // The node_modules lookup Node does (neither package exports its package.json or a main entry).
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", pkg, "package.json");
    if (existsSync(manifest)) return path.join(path.dirname(manifest), (JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> }).bin[bin]!);
    if (path.dirname(dir) === dir) throw new Error(`${pkg} is not installed (a devDependency of test/)`);
  }
}

const env = { ...process.env, CI: "1", npm_config_update_notifier: "false" };

function run(cmd: string, args: readonly string[], cwd: string, timeout = 240_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout, env });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

/** `run`, without blocking: the projects install side by side. */
function runAsync(cmd: string, args: readonly string[], cwd: string, timeout = 280_000) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd, env, timeout, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (e) => (output += String(e)));
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** A fresh ESM project under `work` with the tarballs and `deps` installed from the registry. */
async function installProject(name: string, deps: readonly string[]): Promise<string> {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, "src"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `floe-packaging-${name}`, private: true, type: "module" }, null, 2));
  const installed = await runAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs, ...deps], dir);
  expect(installed.code, `${name}: ${installed.output}`).toBe(0);
  return dir;
}

/** ESLint's JSON report of `file` in `dir`, as rule id and line. */
function lintFindings(dir: string, file: string) {
  const lint = run("npx", ["--no-install", "eslint", "--format", "json", file], dir);
  expect(lint.stderr, lint.output).toBe("");
  const [result] = JSON.parse(lint.stdout) as { messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[] }[];
  return result!.messages.map((m) => (m.ruleId ? { ruleId: m.ruleId, line: m.line } : { ruleId: null, line: m.line, message: m.message }));
}

/** The migrated file type-checks under `module`/`moduleResolution` with the project's own TypeScript. */
function typecheck(dir: string, module: string, moduleResolution: string, skipLibCheck: boolean) {
  const config = `tsconfig.${moduleResolution}.json`;
  writeFileSync(
    path.join(dir, config),
    JSON.stringify({ compilerOptions: { target: "ES2022", module, moduleResolution, strict: true, noEmit: true, skipLibCheck, types: ["node"] }, include: ["src"] }),
  );
  const checked = run(process.execPath, [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", config], dir);
  expect(checked.code, `${path.basename(dir)} ${moduleResolution}: ${checked.output}`).toBe(0);
}

function migrate(dir: string) {
  writeFileSync(path.join(dir, "src", "fail.ts"), RAW);
  const migrated = run("npx", ["--no-install", "floe-codemod", "sanitize-exceptions", "src"], dir);
  expect(migrated.code, migrated.output).toBe(0);
}

const skip = process.env.FLOE_SKIP_PACKAGING === "1";

describe.skipIf(skip)("packed packages installed outside the repo", () => {
  beforeAll(async () => {
    for (const p of PACKAGES) expect(existsSync(path.join(repoRoot, p.workspace, "dist", "index.js")), `${p.workspace}/dist (run npm run build)`).toBe(true);
    work = mkdtempSync(path.join(os.tmpdir(), "floe-packaging-"));
    const packs = path.join(work, "tarballs");
    mkdirSync(packs);
    const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", packs, ...PACKAGES.flatMap((p) => ["-w", p.name])], repoRoot);
    expect(packed.code, packed.output).toBe(0);
    for (const p of PACKAGES) {
      const file = readdirSync(packs).find((f) => f.startsWith(`${p.tarball}-`) && f.endsWith(".tgz"));
      expect(file, `${p.name} tarball`).toBeDefined();
      tarballs.push(path.join(packs, file!));
    }
    const common = ["@opentelemetry/api@~1.9.0", "@types/node@^20.19.0", TS_PARSER];
    const [main, ...peers] = await Promise.all([
      installProject("app", [...common, "eslint@^10", "typescript@~5.9.3"]),
      ...PEERS.map((p) => installProject(p.name, [...common, `eslint@${p.eslint}`, `typescript@${p.typescript}`])),
    ]);
    app = main!;
    PEERS.forEach((p, i) => peerApps.set(p.name, peers[i]!));
  }, 600_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("each tarball ships dist, README and LICENSE, no source maps and no src", () => {
    for (const tarball of tarballs) {
      const list = run("tar", ["-tzf", tarball], work).stdout.split("\n").filter(Boolean);
      expect(list, tarball).toEqual(expect.arrayContaining(["package/package.json", "package/README.md", "package/LICENSE", "package/dist/index.js", "package/dist/index.d.ts"]));
      expect(list.filter((f) => f.endsWith(".map")), tarball).toEqual([]);
      expect(list.filter((f) => f.startsWith("package/src/") || f.startsWith("package/test/")), tarball).toEqual([]);
    }
  });

  it("installs @floe/runtime once, from its tarball, for both tools (a real ^ range, no second copy)", () => {
    for (const dependent of ["floe-codemod", "eslint-plugin-floe"]) {
      const manifest = JSON.parse(readFileSync(path.join(app, "node_modules", dependent, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
        license: string;
        engines: Record<string, string>;
      };
      expect(manifest.dependencies["@floe/runtime"]).toMatch(/^\^\d+\.\d+\.\d+$/);
      expect(manifest.license).toBe("MIT");
      expect(manifest.engines.node).toBeDefined();
      expect(existsSync(path.join(app, "node_modules", dependent, "node_modules", "@floe", "runtime"))).toBe(false);
    }
    const lock = JSON.parse(readFileSync(path.join(app, "package-lock.json"), "utf8")) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages["node_modules/@floe/runtime"]?.resolved).toMatch(/^file:.*floe-runtime-.*\.tgz$/);
  });

  it("publint finds no problem in what npm installed from each tarball", () => {
    for (const p of PACKAGES) {
      const linted = run(process.execPath, [binOf("publint", "publint"), "--pack", "false", "--strict", path.join(app, "node_modules", p.name)], app);
      expect(linted.code, `${p.name}: ${linted.output}`).toBe(0);
      expect(linted.stdout, p.name).toContain("All good!");
    }
  });

  it("@arethetypeswrong/cli finds no problem in each tarball for ESM consumers (node16, bundler)", () => {
    for (const tarball of tarballs) {
      const checked = run(process.execPath, [binOf("@arethetypeswrong/cli", "attw"), tarball, "--profile", "esm-only", "--format", "json"], work);
      expect(checked.code, `${tarball}: ${checked.output}`).toBe(0);
      const report = JSON.parse(checked.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, { resolutionKind?: string }[]> };
      expect(Object.keys(report.analysis.entrypoints).length, tarball).toBeGreaterThan(0);
      // esm-only leaves out node10 and CommonJS-from-node16 (the packages are ESM); nothing else may remain.
      const esmProblems = Object.values(report.problems ?? {})
        .flat()
        .filter((problem) => problem.resolutionKind !== "node10" && problem.resolutionKind !== "node16-cjs");
      expect(esmProblems, tarball).toEqual([]);
    }
  });

  it("npx floe-codemod runs from the installed tarball and migrates a file", () => {
    const help = run("npx", ["--no-install", "floe-codemod", "--help"], app);
    expect(help.code, help.output).toBe(0);
    expect(help.stdout).toMatch(/^Usage: floe-codemod <transform>/);
    writeFileSync(path.join(app, "src", "fail.ts"), RAW);
    const migrated = run("npx", ["--no-install", "floe-codemod", "sanitize-exceptions", "src"], app);
    expect(migrated.code, migrated.output).toBe(0);
    const text = readFileSync(path.join(app, "src", "fail.ts"), "utf8");
    expect(text).toContain('import { recordSanitizedException } from "@floe/runtime";');
    expect(text).not.toContain("recordException(err");
  });

  it("the migrated file type-checks against the installed runtime under node16, nodenext and bundler", () => {
    if (!readFileSync(path.join(app, "src", "fail.ts"), "utf8").includes("recordSanitizedException")) migrate(app);
    // Library declarations (ours and their imports) are checked once, under the strictest mode; the others check the usage.
    typecheck(app, "node16", "node16", false);
    typecheck(app, "nodenext", "nodenext", true);
    typecheck(app, "esnext", "bundler", true);
  });

  it("eslint-plugin-floe loads in a flat config and reports a raw recordException", () => {
    writeFileSync(path.join(app, "eslint.config.js"), 'import floe from "eslint-plugin-floe";\n\nexport default [floe.configs.recommended];\n');
    writeFileSync(path.join(app, "raw.js"), "export function fail(span, err) {\n  span.recordException(err);\n}\n");
    const lint = run("npx", ["--no-install", "eslint", "--format", "json", "raw.js"], app);
    expect(lint.code, lint.output).toBe(1);
    const [result] = JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages).toEqual([expect.objectContaining({ ruleId: "floe/no-raw-record-exception", line: 2 })]);
  });

  it("a CommonJS eslint.config.cjs can require() the plugin from the tarball", () => {
    writeFileSync(path.join(app, "eslint.config.cjs"), 'const floe = require("eslint-plugin-floe");\n\nmodule.exports = [floe.configs.recommended];\n');
    writeFileSync(path.join(app, "raw.cjs"), '"use strict";\nfunction fail(span, err) {\n  span.recordException(err);\n}\nmodule.exports = { fail };\n');
    const lint = run("npx", ["--no-install", "eslint", "--config", "eslint.config.cjs", "--format", "json", "raw.cjs"], app);
    expect(lint.code, lint.output).toBe(1);
    const [result] = JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages).toEqual([expect.objectContaining({ ruleId: "floe/no-raw-record-exception", line: 3 })]);
  });

  it("the type-checked config reports optional spans with ESLint 10 and TypeScript 5.9", () => {
    writeFileSync(path.join(app, "eslint.config.js"), TYPE_CHECKED_CONFIG);
    writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "nodenext", strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ["src"] }));
    writeFileSync(path.join(app, "src", "optional.ts"), OPTIONAL_SPANS);
    expect(lintFindings(app, "src/optional.ts")).toEqual(OPTIONAL_SPAN_FINDINGS);
  });

  for (const peer of PEERS) {
    it(`peer range ends, ${peer.name}: the plugin loads, the type-checked config reports optional spans, the migrated file type-checks`, () => {
      const dir = peerApps.get(peer.name)!;
      const versionOf = (name: string) => (JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
      expect(versionOf("eslint").split(".")[0]).toBe(peer.eslint.replace(/^\^/, "").split(".")[0]);
      expect(versionOf("typescript").split(".").slice(0, 2).join(".")).toBe(peer.typescript.replace(/^~/, "").split(".").slice(0, 2).join("."));
      writeFileSync(path.join(dir, "eslint.config.js"), TYPE_CHECKED_CONFIG);
      writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "nodenext", strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ["src"] }));
      writeFileSync(path.join(dir, "src", "optional.ts"), OPTIONAL_SPANS);
      expect(lintFindings(dir, "src/optional.ts")).toEqual(OPTIONAL_SPAN_FINDINGS);
      migrate(dir);
      typecheck(dir, "nodenext", "nodenext", true);
      typecheck(dir, "esnext", "bundler", true);
    });
  }
});
