/**
 * How a file binds modules, so a new binding is written in the file's own form:
 * ES `import` (ES modules, and TypeScript compiled to either format), CommonJS
 * `require` (`.cjs`, `.cts` without ES syntax, scripts), or TypeScript's
 * `import x = require()` (CommonJS TypeScript, e.g. under `verbatimModuleSyntax`,
 * where an ES `import` in a CommonJS file does not compile).
 */
import path from "node:path";
import type { AnyNode } from "./ast.js";
import type { ModuleStyle } from "./import-plan.js";

const ESM_NODES = new Set(["ImportDeclaration", "ExportNamedDeclaration", "ExportDefaultDeclaration", "ExportAllDeclaration"]);

/** `import x = require("m")` (a value import, not `import type x = require()`). */
export function isImportEqualsRequire(stmt: AnyNode): boolean {
  return stmt.type === "TSImportEqualsDeclaration" && stmt.moduleReference?.type === "TSExternalModuleReference" && stmt.importKind !== "type";
}

export function moduleStyle(filePath: string, program: AnyNode, source: string): ModuleStyle {
  const ext = path.extname(filePath).toLowerCase();
  const body = program.body as AnyNode[];
  if (ext === ".cjs") return "cjs";
  const hasEsm = body.some((s) => ESM_NODES.has(s.type));
  const hasImportEquals = body.some(isImportEqualsRequire);
  if (ext === ".ts" || ext === ".tsx" || ext === ".mts" || ext === ".cts") {
    if (hasImportEquals && !body.some((s) => s.type === "ImportDeclaration")) return "ts-import-equals";
    if (ext === ".cts" && !hasEsm) return "cjs";
    return "esm";
  }
  if (hasEsm) return "esm";
  const strictScript = ((program.directives ?? []) as AnyNode[]).some((d) => d.value?.value === "use strict");
  return strictScript || /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/.test(source) ? "cjs" : "esm";
}
