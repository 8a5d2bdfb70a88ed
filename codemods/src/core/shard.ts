/**
 * `--shard i/n`: splits one run over n CI jobs, the way test runners and
 * linters do. Each unit of work (a plugin package as a whole, so its project
 * transforms and its files stay together; any other file on its own) goes to
 * the shard a hash of its path relative to the repository root picks: stable
 * across machines, runs and working directories, independent of the order or
 * number of other files, and the n shards together cover each unit once.
 */
import { createHash } from "node:crypto";
import path from "node:path";

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (1 <= i <= n); a problem is described in the thrown Error's message. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new Error(`invalid --shard "${value}": expected <i>/<n> with 1 <= i <= n, e.g. 2/4`);
  }
  return { index, count };
}

/** The shard (1-based) of a unit named by its `/`-separated path relative to the repository root. */
export function shardOf(unit: string, count: number): number {
  return (createHash("sha1").update(unit).digest().readUInt32BE(0) % count) + 1;
}

/**
 * Keeps the package directories and files of `shard`. A file inside one of `packageDirs` goes
 * with its package (the deepest one holding it); `root` is what the unit paths are relative to.
 */
export function selectShard(
  shard: Shard,
  root: string,
  files: readonly string[],
  packageDirs: readonly string[],
): { files: string[]; packageDirs: string[] } {
  const unit = (absolute: string) => path.relative(root, absolute).split(path.sep).join("/") || ".";
  const byDepth = [...packageDirs].sort((a, b) => b.length - a.length);
  const packageOf = (file: string) => byDepth.find((dir) => file.startsWith(dir + path.sep));
  const mine = (absolute: string) => shardOf(unit(absolute), shard.count) === shard.index;
  return {
    packageDirs: packageDirs.filter(mine),
    files: files.filter((file) => mine(packageOf(file) ?? file)),
  };
}
