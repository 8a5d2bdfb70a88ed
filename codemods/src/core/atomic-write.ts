/**
 * Atomic file replacement: write a sibling temp file, then rename over the
 * target, so an interrupted run never leaves a half-written source file.
 */
import { promises as fs } from "node:fs";
import path from "node:path";

export async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  const dir = path.dirname(filePath);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(filePath)}.floe-codemod-${process.pid}-${Date.now().toString(36)}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(filePath)).mode;
  } catch {
    mode = undefined;
  }
  try {
    await fs.writeFile(temp, content, mode === undefined ? undefined : { mode });
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
