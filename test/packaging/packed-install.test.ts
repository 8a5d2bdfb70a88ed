/**
 * The published packages work outside this monorepo: `npm pack` of
 * @floe/runtime, floe-codemod and eslint-plugin-floe, installed from the
 * tarballs into a fresh project in the temp dir (every other dependency from
 * the npm registry), then used the way a user would: `npx floe-codemod`, the
 * ESLint plugin in a flat config, and a migrated file type-checked against
 * the installed runtime types under moduleResolution node16, nodenext and
 * bundler (with @types/node, as in any Node project: @floe/runtime/testing
 * starts loopback servers, so its declarations name node:http), library
 * declarations checked too (skipLibCheck off) under node16.
 *
 * Needs the npm registry. FLOE_SKIP_PACKAGING=1 skips it (offline machines).
 * Packs with --ignore-scripts: `npm test` has already built dist/ (prepack
 * would run a nested turbo build while other suites import those files).
 */
import { spawnSync } from "node:child_process";
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

let work: string;
let app: string;
const tarballs: string[] = [];

function run(cmd: string, args: readonly string[], cwd: string, timeout = 240_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout, env: { ...process.env, CI: "1", npm_config_update_notifier: "false" } });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

const skip = process.env.FLOE_SKIP_PACKAGING === "1";

describe.skipIf(skip)("packed packages installed outside the repo", () => {
  beforeAll(() => {
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
    app = path.join(work, "app");
    mkdirSync(path.join(app, "src"), { recursive: true });
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "floe-packaging-app", private: true, type: "module" }, null, 2));
    const installed = run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs, "eslint@^10", "typescript@~5.9.3", "@opentelemetry/api@~1.9.0", "@types/node@^20.19.0"],
      app,
    );
    expect(installed.code, installed.output).toBe(0);
  }, 300_000);
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
    if (!readFileSync(path.join(app, "src", "fail.ts"), "utf8").includes("recordSanitizedException")) {
      writeFileSync(path.join(app, "src", "fail.ts"), RAW);
      expect(run("npx", ["--no-install", "floe-codemod", "sanitize-exceptions", "src"], app).code).toBe(0);
    }
    const tsc = path.join(app, "node_modules", "typescript", "bin", "tsc");
    // Library declarations (ours and their imports) are checked once, under the strictest mode; the others check the usage.
    for (const [module, moduleResolution, skipLibCheck] of [
      ["node16", "node16", false],
      ["nodenext", "nodenext", true],
      ["esnext", "bundler", true],
    ] as const) {
      const config = `tsconfig.${moduleResolution}.json`;
      writeFileSync(
        path.join(app, config),
        JSON.stringify({ compilerOptions: { target: "ES2022", module, moduleResolution, strict: true, noEmit: true, skipLibCheck, types: ["node"] }, include: ["src"] }),
      );
      const checked = run(process.execPath, [tsc, "-p", config], app);
      expect(checked.code, `${moduleResolution}: ${checked.output}`).toBe(0);
    }
  });

  it("eslint-plugin-floe loads in a flat config and reports a raw recordException", () => {
    writeFileSync(path.join(app, "eslint.config.js"), 'import floe from "eslint-plugin-floe";\n\nexport default [floe.configs.recommended];\n');
    writeFileSync(path.join(app, "raw.js"), "export function fail(span, err) {\n  span.recordException(err);\n}\n");
    const lint = run("npx", ["--no-install", "eslint", "--format", "json", "raw.js"], app);
    expect(lint.code, lint.output).toBe(1);
    const [result] = JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages).toEqual([expect.objectContaining({ ruleId: "floe/no-raw-record-exception", line: 2 })]);
  });
});
