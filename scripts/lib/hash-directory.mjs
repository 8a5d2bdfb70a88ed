// Hash of every file below a directory outside the repo (../shared: the contract and the sanitizer
// corpus), so turbo's task hashes and the check cache change when that directory changes.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** Every regular file below `dir`, sorted (empty when it does not exist). */
export function filesBelow(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

export function hashDirectory(dir) {
  if (!existsSync(dir)) return "absent";
  const hash = createHash("sha256");
  for (const file of filesBelow(dir)) hash.update(path.relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}
