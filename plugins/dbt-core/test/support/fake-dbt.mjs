#!/usr/bin/env node
/**
 * A stand-in `dbt` executable for tests: parses dbt's CLI, prints dbt's
 * structured JSON log lines (`--log-format json`), and writes real-format
 * artifacts (target/manifest.json v12, target/run_results.json v6).
 *
 * What it does is read from `<project-dir>/fake_dbt.json`:
 *   { models: [{ name, status?, message? }],
 *     tests: [{ name, model, column?, type?, status, failures?, message? }],
 *     behaviour?: "profile_error" | "crash" | "malformed_run_results" | "sleep",
 *     sleepMs?, exitCode?, fusionAdapters?: string[] }
 * Every invocation is appended to `<project-dir>/fake_dbt_invocations.jsonl`
 * (argv, cwd, flavor, FLOE_* environment) so tests can assert what dbt received.
 *
 * Invoked as `dbtf`, or with FAKE_DBT_FLAVOR=fusion, it behaves as dbt Fusion:
 * `--version` says so, and it rejects adapters not in `fusionAdapters`.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const CORE_VERSION = "1.8.7";
const FUSION_VERSION = "2.0.0-preview.45";
const argv = process.argv.slice(2);
const flavor = path.basename(process.argv[1]).startsWith("dbtf") || process.env.FAKE_DBT_FLAVOR === "fusion" ? "fusion" : "core";
const dbtVersion = flavor === "fusion" ? FUSION_VERSION : CORE_VERSION;

if (argv.includes("--version") || argv.includes("-v")) {
  if (process.env.FAKE_DBT_VERSION_FAILS) {
    process.stderr.write("dbt: broken installation\n");
    process.exit(2);
  }
  process.stdout.write(
    flavor === "fusion"
      ? `dbt-fusion ${FUSION_VERSION}\n`
      : `Core:\n  - installed: ${CORE_VERSION}\n  - latest:    ${CORE_VERSION} - Up to date!\n\nPlugins:\n  - duckdb: 1.8.4 - Up to date!\n`,
  );
  process.exit(0);
}

// ---- CLI parsing (dbt's flags: multi-value --select/--exclude, single-value options, booleans)
const MULTI = new Set(["--select", "-s", "--exclude", "--models", "-m"]);
const SINGLE = new Set(["--project-dir", "--profiles-dir", "--target", "-t", "--selector", "--vars", "--threads", "--log-format", "--target-path", "--profile"]);
const flags = { select: [], exclude: [] };
let command;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (MULTI.has(arg)) {
    const key = arg === "--exclude" ? "exclude" : "select";
    while (i + 1 < argv.length && !argv[i + 1].startsWith("-")) flags[key].push(argv[++i]);
  } else if (SINGLE.has(arg)) {
    flags[arg.replace(/^-+/, "")] = argv[++i];
  } else if (arg.startsWith("--")) {
    flags[arg.slice(2)] = true;
  } else if (!command) {
    command = arg;
  } else {
    fail(`Error: unexpected argument '${arg}'`, 2);
  }
}
if (!["compile", "run", "test", "build"].includes(command)) fail(`Error: No such command '${command}'.`, 2);

const projectDir = path.resolve(flags["project-dir"] ?? process.cwd());
const profilesDir = path.resolve(flags["profiles-dir"] ?? process.env.DBT_PROFILES_DIR ?? projectDir);
const targetDir = path.resolve(projectDir, flags["target-path"] ?? "target");
const json = flags["log-format"] === "json";
const invocationId = randomUUID();
const started = new Date();

appendFileSync(
  path.join(projectDir, "fake_dbt_invocations.jsonl"),
  JSON.stringify({
    argv,
    cwd: process.cwd(),
    flavor,
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("FLOE_") || k.startsWith("DBT_"))),
  }) + "\n",
);

function log(name, code, level, msg, data = {}) {
  if (json) {
    const info = { category: "", code, extra: {}, invocation_id: invocationId, level, msg, name, pid: process.pid, thread: "MainThread", ts: new Date().toISOString() };
    process.stdout.write(JSON.stringify({ data, info }) + "\n");
  } else {
    process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${msg}\n`);
  }
}

function fail(message, exitCode) {
  process.stderr.write(message + "\n");
  process.exit(exitCode);
}

const projectYml = readFileSync(path.join(projectDir, "dbt_project.yml"), "utf8");
const projectName = /^name:\s*['"]?([\w]+)/m.exec(projectYml)?.[1] ?? "project";
const profilesYml = existsSync(path.join(profilesDir, "profiles.yml")) ? readFileSync(path.join(profilesDir, "profiles.yml"), "utf8") : "";
const adapter = /^\s*type:\s*['"]?(\w+)/m.exec(profilesYml)?.[1] ?? "duckdb";
const scenarioFile = path.join(projectDir, "fake_dbt.json");
const scenario = existsSync(scenarioFile) ? JSON.parse(readFileSync(scenarioFile, "utf8")) : {};

log("MainReportVersion", "A001", "info", `Running with dbt=${dbtVersion}`, { version: `=${dbtVersion}`, log_version: 3 });

if (!profilesYml) {
  log("MainEncounteredError", "Z002", "error", `Encountered an error:\nRuntime Error\n  Could not find profiles.yml in ${profilesDir}`);
  process.exit(2);
}

if (flavor === "fusion" && !(scenario.fusionAdapters ?? ["snowflake", "bigquery", "databricks", "redshift"]).includes(adapter)) {
  log("MainEncounteredError", "Z002", "error", `error: dbt1005: Unsupported adapter type: ${adapter}. dbt Fusion does not support this adapter yet.`);
  process.exit(1);
}

if (scenario.behaviour === "profile_error") {
  // What a misbehaving adapter prints when the warehouse rejects the profile's credentials.
  const user = /^\s*user:\s*['"]?([^'"\s]+)/m.exec(profilesYml)?.[1] ?? "dbt";
  const password = /^\s*password:\s*['"]?([^'"\s]+)/m.exec(profilesYml)?.[1] ?? "";
  const host = /^\s*host:\s*['"]?([^'"\s]+)/m.exec(profilesYml)?.[1] ?? "localhost";
  log(
    "MainEncounteredError",
    "Z002",
    "error",
    `Encountered an error:\nDatabase Error\n  connection to server at "${host}" (127.0.0.1), port 5432 failed: FATAL:  password authentication failed for user "${user}" (dsn: host=${host} user=${user} password=${password} dbname=analytics; url: postgresql://${user}:${password}@${host}:5432/analytics)`,
    { exc: `Database Error: password=${password}` },
  );
  process.exit(scenario.exitCode ?? 1);
}

if (scenario.behaviour === "crash") {
  process.stderr.write(`Traceback (most recent call last):\n  File "dbt/cli/main.py", line 1\nKeyError: 'threads'\n`);
  process.exit(2);
}

if (scenario.behaviour === "sleep") {
  // The handler goes in before the pid file: a pid file on disk means SIGTERM is already being ignored.
  if (scenario.ignoreSigterm) process.on("SIGTERM", () => log("MainKeyboardInterrupt", "Z019", "info", "ignoring SIGTERM"));
  writeFileSync(path.join(projectDir, "fake_dbt.pid"), String(process.pid));
  log("LogStartLine", "Q033", "info", "1 of 1 START sql view model main.slow");
  setTimeout(() => process.exit(0), scenario.sleepMs ?? 60_000);
} else {
  runNodes();
}

function nodeMatches(name, selectors) {
  return selectors.some((s) => s.replace(/^\+|\+$/g, "") === name || s === "*");
}

function runNodes() {
  const models = (scenario.models ?? []).map((m) => ({ ...m, resource: "model", uniqueId: `model.${projectName}.${m.name}` }));
  const tests = (scenario.tests ?? []).map((t) => ({ ...t, resource: "test", uniqueId: `test.${projectName}.${t.name}.${hash(t.name)}` }));
  let nodes = command === "run" || command === "compile" ? models : command === "test" ? tests : [...models, ...tests];
  if (command === "compile") nodes = [...models, ...tests];
  if (flags.select.length) nodes = nodes.filter((n) => nodeMatches(n.name, flags.select) || (n.resource === "test" && nodeMatches(n.model, flags.select)));
  if (flags.exclude.length) nodes = nodes.filter((n) => !nodeMatches(n.name, flags.exclude));

  mkdirSync(targetDir, { recursive: true });
  writeFileSync(path.join(targetDir, "manifest.json"), JSON.stringify(manifest(models, tests), null, 2));

  const results = nodes.map((node, index) => {
    const status = command === "compile" ? "success" : (node.status ?? (node.resource === "model" ? "success" : "pass"));
    const failures = node.resource === "test" && command !== "compile" ? (node.failures ?? (status === "pass" ? 0 : 1)) : null;
    const message =
      node.message ??
      (node.resource === "test"
        ? status === "pass" ? null : `Got ${failures} result${failures === 1 ? "" : "s"}, configured to ${status === "warn" ? "warn" : "fail"} if != 0`
        : status === "success" ? "OK" : `Runtime Error in model ${node.name}`);
    const label = node.resource === "test" ? (status === "pass" ? "PASS" : status.toUpperCase()) : status === "success" ? "OK created sql table model" : "ERROR creating sql table model";
    log(node.resource === "test" ? "LogTestResult" : "LogModelResult", node.resource === "test" ? "Q007" : "Q012", status === "error" ? "error" : "info",
      `${index + 1} of ${nodes.length} ${label} ${node.name}`, { node_info: { unique_id: node.uniqueId, node_status: status } });
    const now = new Date().toISOString();
    return {
      status,
      timing: [
        { name: "compile", started_at: now, completed_at: now },
        { name: "execute", started_at: now, completed_at: now },
      ],
      thread_id: "Thread-1 (worker)",
      execution_time: 0.01 * (index + 1),
      adapter_response: command === "compile" ? {} : node.resource === "model" ? { _message: "OK", code: "OK", rows_affected: node.rows ?? 0 } : { _message: "SELECT 1", code: "SELECT", rows_affected: 1 },
      message,
      failures,
      unique_id: node.uniqueId,
      compiled: true,
      compiled_code: node.resource === "model" ? `select * from raw_${node.name}` : `select ${node.column ?? "id"} from main.${node.model} where ${node.column ?? "id"} is null`,
      relation_name: node.resource === "model" ? `"floe"."main"."${node.name}"` : null,
      batch_results: null,
    };
  });

  const runResults = {
    metadata: {
      dbt_schema_version: "https://schemas.getdbt.com/dbt/run-results/v6.json",
      dbt_version: dbtVersion,
      generated_at: new Date().toISOString(),
      invocation_id: invocationId,
      invocation_started_at: started.toISOString(),
      env: {},
    },
    results,
    elapsed_time: (Date.now() - started.getTime()) / 1000,
    args: { which: command, select: flags.select, exclude: flags.exclude, target: flags.target ?? null, log_format: flags["log-format"] ?? "default" },
  };
  writeFileSync(
    path.join(targetDir, "run_results.json"),
    scenario.behaviour === "malformed_run_results" ? '{"metadata": {"dbt_schema_version": ' : JSON.stringify(runResults, null, 2),
  );

  const errors = results.filter((r) => r.status === "error" || r.status === "fail").length;
  log("CommandCompleted", "Q039", "debug", `Command \`dbt ${command}\` ${errors ? "failed" : "succeeded"}`, { success: errors === 0 });
  process.exit(errors ? 1 : 0);
}

function manifest(models, tests) {
  const nodes = {};
  for (const m of models) {
    nodes[m.uniqueId] = {
      database: "floe", schema: "main", name: m.name, resource_type: "model", package_name: projectName,
      path: `${m.name}.sql`, original_file_path: `models/${m.name}.sql`, unique_id: m.uniqueId, fqn: [projectName, m.name],
      alias: m.name, checksum: { name: "sha256", checksum: hash(m.name) }, config: { enabled: true, materialized: m.materialized ?? "table", tags: m.tags ?? [] },
      tags: m.tags ?? [], description: m.description ?? "", columns: {}, depends_on: { macros: [], nodes: (m.dependsOn ?? []).map((d) => `model.${projectName}.${d}`) },
      relation_name: `"floe"."main"."${m.name}"`, raw_code: `select * from raw_${m.name}`, language: "sql",
    };
  }
  for (const t of tests) {
    const model = `model.${projectName}.${t.model}`;
    nodes[t.uniqueId] = {
      database: "floe", schema: "main_dbt_test__audit", name: t.name, resource_type: "test", package_name: projectName,
      path: `${t.name}.sql`, original_file_path: "models/schema.yml", unique_id: t.uniqueId, fqn: [projectName, t.name],
      alias: t.name, checksum: { name: "none", checksum: "" }, config: { enabled: true, materialized: "test", severity: "ERROR", tags: [] },
      tags: [], description: "", columns: {}, depends_on: { macros: [`macro.dbt.test_${t.type ?? "not_null"}`], nodes: [model] },
      relation_name: null, raw_code: `{{ test_${t.type ?? "not_null"}(**_dbt_generic_test_kwargs) }}`, language: "sql",
      test_metadata: { name: t.type ?? "not_null", kwargs: { column_name: t.column ?? null, model: `{{ get_where_subquery(ref('${t.model}')) }}` }, namespace: null },
      column_name: t.column ?? null, attached_node: model,
    };
  }
  const parentMap = Object.fromEntries(Object.values(nodes).map((n) => [n.unique_id, n.depends_on.nodes]));
  return {
    metadata: {
      dbt_schema_version: "https://schemas.getdbt.com/dbt/manifest/v12.json", dbt_version: dbtVersion, generated_at: new Date().toISOString(),
      invocation_id: invocationId, env: {}, project_name: projectName, project_id: hash(projectName), user_id: null, send_anonymous_usage_stats: false, adapter_type: adapter,
    },
    nodes, sources: {}, macros: {}, docs: {}, exposures: {}, metrics: {}, groups: {}, selectors: {}, disabled: {},
    parent_map: parentMap, child_map: {}, group_map: {}, saved_queries: {}, semantic_models: {}, unit_tests: {},
  };
}

function hash(text) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(10, "0").slice(0, 10);
}
