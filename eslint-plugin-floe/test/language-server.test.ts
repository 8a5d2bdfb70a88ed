/**
 * Editors: the rules' diagnostics and quick fixes through the ESLint language server, the
 * way VS Code's ESLint extension uses it. Drives `vscode-eslint-language-server` (from
 * vscode-langservers-extracted) over stdio on a scratch project with the plugin installed
 * in its node_modules: open a file with a raw `recordException`, pull its diagnostics,
 * request the code actions, apply the quick fix, get sanitized code.
 *
 * The server comes from vscode-langservers-extracted, a devDependency of this package, so
 * the test always runs; FLOE_ESLINT_LS_DIR points it at another install (a folder whose
 * node_modules holds vscode-langservers-extracted) to try another server version.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { installPlugin } from "./support/installed-plugin.js";
import { applyEdits, LspClient, type TextEdit } from "./support/lsp-client.js";

const serverPackage = process.env.FLOE_ESLINT_LS_DIR
  ? path.join(process.env.FLOE_ESLINT_LS_DIR, "node_modules", "vscode-langservers-extracted")
  : path.dirname(createRequire(import.meta.url).resolve("vscode-langservers-extracted/package.json"));
const SERVER = path.join(serverPackage, "lib", "eslint-language-server", "eslintServer.js");

const SOURCE = [
  'import { trace } from "@opentelemetry/api";',
  "",
  "export function report(err) {",
  "  const span = trace.getActiveSpan();",
  "  span.recordException(err);",
  "}",
  "",
].join("\n");

const FIXED = [
  'import { trace } from "@opentelemetry/api";',
  'import { recordSanitizedException } from "@floe/runtime";',
  "",
  "export function report(err) {",
  "  const span = trace.getActiveSpan();",
  "  recordSanitizedException(span, err);",
  "}",
  "",
].join("\n");

interface Diagnostic {
  range: TextEdit["range"];
  code?: string | number;
  source?: string;
  message: string;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: Array<{ textDocument: { uri: string }; edits: TextEdit[] }>;
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
}

/** The settings VS Code's ESLint extension sends for a document (flat config, lint on type). */
function settingsFor(projectUri: string) {
  return {
    validate: "on",
    packageManager: "npm",
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: { disableRuleComment: { enable: true, location: "separateLine", commentStyle: "line" }, showDocumentation: { enable: true } },
    codeActionOnSave: { mode: "all" },
    format: false,
    quiet: false,
    onIgnoredFiles: "off",
    options: {},
    rulesCustomizations: [],
    run: "onType",
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: "project", uri: projectUri },
  };
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function writeProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "floe-eslint-ls-"));
  scratch.push(dir);
  installPlugin(dir);
  const eslintRoot = path.dirname(createRequire(import.meta.url).resolve("eslint/package.json"));
  symlinkSync(eslintRoot, path.join(dir, "node_modules", "eslint"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "editor-user", private: true, type: "module" }));
  writeFileSync(path.join(dir, "eslint.config.js"), 'import floe from "eslint-plugin-floe";\nexport default [floe.configs.recommended];\n');
  mkdirSync(path.join(dir, "src"));
  writeFileSync(path.join(dir, "src", "report.js"), SOURCE);
  return dir;
}

const title = "vscode-eslint-language-server: diagnostic, quick fix, sanitized code";

describe("ESLint language server", () => {
  it(
    title,
    async () => {
      const project = writeProject();
      const projectUri = pathToFileURL(project).href;
      const fileUri = pathToFileURL(path.join(project, "src", "report.js")).href;
      // The quick fix is a command: the server answers `workspace/executeCommand` by asking the
      // client to apply a WorkspaceEdit (`workspace/applyEdit`), as VS Code does.
      const applied: WorkspaceEdit[] = [];
      const client = new LspClient(process.execPath, [SERVER, "--stdio"], project, {
        "workspace/applyEdit": (params) => {
          applied.push((params as { edit: WorkspaceEdit }).edit);
          return { applied: true };
        },
        "workspace/configuration": (params) => (params as { items: unknown[] }).items.map(() => settingsFor(projectUri)),
        "workspace/workspaceFolders": () => [{ name: "project", uri: projectUri }],
      });
      try {
        await client.request("initialize", {
          processId: process.pid,
          rootUri: projectUri,
          workspaceFolders: [{ name: "project", uri: projectUri }],
          capabilities: {
            workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
            textDocument: {
              diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
              codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source"] } } },
            },
          },
        });
        client.notify("initialized", {});
        client.notify("textDocument/didOpen", { textDocument: { uri: fileUri, languageId: "javascript", version: 1, text: SOURCE } });

        // The server answers pull diagnostics (LSP 3.17 `textDocument/diagnostic`), as VS Code asks for them.
        const pulled = await client.request<{ kind: string; items: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri: fileUri } });
        expect(pulled.kind).toBe("full");
        expect(pulled.items.map((d) => [d.source, d.code, d.range.start.line, d.range.start.character])).toEqual([
          ["eslint", "floe/no-raw-record-exception", 4, 2],
        ]);

        const diagnostic = pulled.items[0]!;
        const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
          textDocument: { uri: fileUri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ["quickfix"] },
        });
        const fix = actions.find((a) => a.title === "Fix this floe/no-raw-record-exception problem");
        expect(fix, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
        expect(fix!.command?.command).toBe("eslint.applySingleFix");
        await client.request("workspace/executeCommand", { command: fix!.command!.command, arguments: fix!.command!.arguments });
        expect(applied).toHaveLength(1);
        const edit = applied[0]!;
        const edits = edit.changes?.[fileUri] ?? edit.documentChanges?.find((c) => c.textDocument.uri === fileUri)?.edits ?? [];
        const fixed = applyEdits(SOURCE, edits);
        expect(fixed).toBe(FIXED);

        // The fixed document is clean.
        client.notify("textDocument/didChange", { textDocument: { uri: fileUri, version: 2 }, contentChanges: [{ text: fixed }] });
        const after = await client.request<{ items: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri: fileUri } });
        expect(after.items).toEqual([]);
      } finally {
        await client.shutdown();
      }
    },
    60_000,
  );
});
