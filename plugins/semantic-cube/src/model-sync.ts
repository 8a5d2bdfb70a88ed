/**
 * Writes generated Cube model files into the model directory Cube loads:
 * atomically (temp file + rename), only when the content changed, and
 * removing previously generated files whose model is gone. Hand-written
 * files (without the generated marker) are never touched.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SemanticSyncResult } from "@floe/runtime";
import { GENERATED_MARKER, type CubeModelFile } from "./cube-model.js";

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export async function syncModelFiles(modelDir: string, files: readonly CubeModelFile[]): Promise<SemanticSyncResult> {
  await mkdir(modelDir, { recursive: true });
  const result: SemanticSyncResult = { written: [], unchanged: [], removed: [] };
  const wanted = new Set(files.map((f) => f.path));

  for (const file of files) {
    const target = path.join(modelDir, file.path);
    if ((await readIfExists(target)) === file.content) {
      result.unchanged.push(file.path);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, file.content, "utf8");
    await rename(temp, target);
    result.written.push(file.path);
  }

  for (const entry of await readdir(modelDir, { withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name) || wanted.has(entry.name)) continue;
    const content = await readIfExists(path.join(modelDir, entry.name));
    if (content?.startsWith(GENERATED_MARKER)) {
      await rm(path.join(modelDir, entry.name));
      result.removed.push(entry.name);
    }
  }
  return result;
}
