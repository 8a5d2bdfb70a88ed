/**
 * Reads a package's files the way the runner sees them (core/source-text's
 * decodeSource: BOM removed, line endings normalised to `\n`), so that
 * comparisons with generated content are about content, not encoding (the
 * runner restores BOM and EOL on write).
 */
import { readFileSync } from "node:fs";
import { decodeSource } from "../core/source-text.js";

/** The normalised text of a file, or undefined when it does not exist. */
export async function readSourceText(file: string): Promise<string | undefined> {
  try {
    // synchronous: a package's many small files read faster without a file handle per read
    return decodeSource(readFileSync(file, "utf8")).text;
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
    // The overlay already holds decoded text (LF, no BOM).
    return overlay?.(file) ?? readSourceText(file);
  };
}
