/**
 * SARIF 2.1.0 from a run report, shaped for GitHub code scanning: one rule
 * per transform (with full description, text and markdown help and a help
 * link), one result per changed region of an existing file (line and column,
 * URIs relative to the repository root under `%SRCROOT%`, stable
 * `partialFingerprints`), and everything without a real location (files a
 * transform would create, package-level failures) as tool notifications.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { FileReport, Report } from "../core/report.js";
import { decodeSource } from "../core/source-text.js";
import { DOCS_URL, PIPELINES, TRANSFORMS, type TransformEntry } from "../transforms/index.js";
import { fixHint, type FixHintOptions } from "./fix-hints.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT = "%SRCROOT%";
const FINGERPRINT = "floeFinding/v1";

export interface SarifOptions extends FixHintOptions {
  readonly version: string;
  /** Repository root the URIs are relative to (default: the git top level of cwd, else cwd). */
  readonly root?: string;
}

function gitRoot(dir: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** Columns (1-based) where the final diff first changes each old line it rewrites. */
function changedColumns(diff: string | undefined): Map<number, number> {
  const columns = new Map<number, number>();
  if (!diff) return columns;
  let oldLine = 0;
  let removed: { line: number; text: string }[] = [];
  let added: string[] = [];
  const flush = () => {
    removed.forEach((r, i) => {
      const other = added[i];
      if (other === undefined) return;
      let c = 0;
      while (c < r.text.length && c < other.length && r.text[c] === other[c]) c++;
      columns.set(r.line, c + 1);
    });
    removed = [];
    added = [];
  };
  for (const line of diff.split("\n")) {
    const header = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (header) {
      flush();
      oldLine = Number(header[1]);
      continue;
    }
    if (oldLine === 0 || line.startsWith("---") || line.startsWith("+++")) continue;
    if (line.startsWith("-")) {
      if (added.length) flush();
      removed.push({ line: oldLine++, text: line.slice(1) });
    } else if (line.startsWith("+")) added.push(line.slice(1));
    else {
      flush();
      if (line.startsWith(" ")) oldLine++;
    }
  }
  flush();
  return columns;
}

function ruleFor(entry: TransformEntry) {
  const fixArg = entry.kind === "project" ? "<plugin package dir>" : "<file>";
  return {
    id: entry.name,
    name: entry.name,
    shortDescription: { text: entry.summary },
    fullDescription: { text: entry.description },
    help: {
      text: `${entry.description}\n\nFix: npx floe-codemod ${entry.name} ${fixArg}\nExample: npx ${entry.example}\nDocs: ${DOCS_URL}#${entry.name}`,
      markdown:
        `${entry.description}\n\n**Fix** (from the directory the check ran in):\n\n\`\`\`sh\nnpx floe-codemod ${entry.name} ${fixArg}\n\`\`\`\n\n` +
        `Example: \`npx ${entry.example}\`\n\nSee the [${entry.name} docs](${DOCS_URL}#${entry.name}).`,
    },
    helpUri: `${DOCS_URL}#${entry.name}`,
    defaultConfiguration: { level: "warning" },
    properties: { tags: ["floe", "opentelemetry", entry.kind === "project" ? "project" : "file"] },
  };
}

/** `(generate-tracing)`: the runner's placeholder path for a failure of a whole project transform. */
function projectFailure(f: FileReport): string | undefined {
  const m = /^\((.+)\)$/.exec(f.path);
  return m && (TRANSFORMS.has(m[1]!) || PIPELINES.has(m[1]!)) ? m[1] : undefined;
}

export function formatSarif(report: Report, options: SarifOptions): string {
  const cwd = real(options.cwd);
  const root = real(options.root ?? gitRoot(cwd) ?? cwd);
  const entries = report.steps.map((s) => TRANSFORMS.get(s)).filter((e): e is TransformEntry => e !== undefined);
  const ruleIndex = new Map(entries.map((e, i) => [e.name, i]));
  const artifact = (file: string) => {
    const absolute = path.resolve(cwd, file);
    const rel = path.relative(root, absolute);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
    return { uri: rel.split(path.sep).join("/"), uriBaseId: SRCROOT };
  };
  const associated = (transform: string) => (ruleIndex.has(transform) ? { associatedRule: { id: transform, index: ruleIndex.get(transform)! } } : {});

  const results: object[] = [];
  const notifications: object[] = [];
  const seen = new Map<string, number>();
  for (const f of report.files) {
    const absolute = path.resolve(cwd, f.path);
    if (f.status === "error") {
      const transform = projectFailure(f);
      const location = transform === undefined && existsSync(absolute) ? { locations: [{ physicalLocation: { artifactLocation: artifact(f.path), ...(f.line ? { region: { startLine: f.line } } : {}) } }] } : {};
      notifications.push({ level: "error", message: { text: f.reason ?? "error" }, ...location, ...(transform ? associated(transform) : {}) });
      continue;
    }
    if (f.status !== "changed" || !f.changes?.length) continue;
    if (f.created || !existsSync(absolute)) {
      for (const transform of new Set(f.changes.map((c) => c.transform))) {
        const hint = fixHint(transform, f.path, options);
        notifications.push({
          level: "warning",
          message: { text: `${transform} would create ${artifact(f.path).uri} (it does not exist yet). Fix: ${hint.command}` },
          ...associated(transform),
          properties: { fix: hint.command, file: artifact(f.path).uri },
        });
      }
      continue;
    }
    const lines = decodeSource(readFileSync(absolute, "utf8")).text.split("\n");
    const columns = changedColumns(f.diff);
    const location = artifact(f.path);
    for (const change of f.changes) {
      const hint = fixHint(change.transform, f.path, options);
      const entry = TRANSFORMS.get(change.transform);
      for (const wanted of change.lines.length ? change.lines : [1]) {
        const line = Math.min(Math.max(1, wanted), Math.max(1, lines.length));
        const text = lines[line - 1] ?? "";
        const column = columns.get(line) ?? (/\S/.exec(text)?.index ?? 0) + 1;
        const key = `${change.transform}\0${location.uri}\0${text.trim()}`;
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        results.push({
          ruleId: change.transform,
          ...(ruleIndex.has(change.transform) ? { ruleIndex: ruleIndex.get(change.transform) } : {}),
          level: "warning",
          message: { text: `${change.transform} would change this code${entry ? ` (${entry.summary})` : ""}. Fix: ${hint.command}` },
          locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: line, startColumn: Math.min(column, text.length + 1) } } }],
          partialFingerprints: { [FINGERPRINT]: createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32) },
          properties: { fix: hint.command },
        });
      }
    }
  }

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "floe-codemod",
            version: options.version,
            semanticVersion: options.version,
            informationUri: DOCS_URL,
            rules: entries.map(ruleFor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: dirUri(root) } },
        invocations: [
          {
            executionSuccessful: report.summary.error === 0,
            workingDirectory: { uri: dirUri(cwd) },
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
