/**
 * Reads a package's files the way the runner sees them: BOM removed and line
 * endings normalised to `\n`, so that comparisons with generated content are
 * about content, not encoding (the runner restores BOM and EOL on write).
 */
import { promises as fs } from "node:fs";

export function normalizeSourceText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** The normalised text of a file, or undefined when it does not exist. */
export async function readSourceText(file: string): Promise<string | undefined> {
  try {
    return normalizeSourceText(await fs.readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Reads a file's current text: what an earlier pipeline step left in memory
 * (the runner's `readFile` overlay) when there is such a version, else disk.
 */
export type TextReader = (file: string) => Promise<string | undefined>;

export function overlayReader(overlay?: (absolutePath: string) => string | undefined): TextReader {
  return async (file) => {
    const pending = overlay?.(file);
    return pending !== undefined ? normalizeSourceText(pending) : readSourceText(file);
  };
}

export async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
