/**
 * Whether a file is CommonJS (new bindings come from `require`) or an ES module
 * (new bindings come from `import`).
 */
import path from "node:path";
import type { AnyNode } from "./ast.js";
import type { ModuleStyle } from "./import-plan.js";

const ESM_NODES = new Set(["ImportDeclaration", "ExportNamedDeclaration", "ExportDefaultDeclaration", "ExportAllDeclaration"]);

export function moduleStyle(filePath: string, program: AnyNode, source: string): ModuleStyle {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === ".cjs") return "cjs";
  if (ext !== ".js" && ext !== ".jsx") return "esm";
  if ((program.body as AnyNode[]).some((s) => ESM_NODES.has(s.type))) return "esm";
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/.test(source) ? "cjs" : "esm";
}
