/**
 * `--cache`: a second `check` (or `--dry` run) on an unchanged tree returns
 * the earlier report without loading a parser or a type checker.
 *
 * The report is stored under a key that hashes everything it depends on: the
 * tool's version, the conventions, the command (transform, mode, paths,
 * shard, options), the configuration, and the content of every file the run
 * looks at (the discovered sources, each package's package.json and
 * tsconfig.json, the repository's lockfile, which pins the type definitions
 * the checker reads). Any change gives a new key and a fresh run. One entry is
 * kept per command and working directory, replaced when its key changes.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CONVENTIONS } from "@floe/runtime/conventions";
import type { Report } from "./report.js";

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock"];

export interface CacheInputs {
  /** Where entries live. */
  readonly location: string;
  /** What names the command (its entry): transform, mode, cwd, paths, shard, ... */
  readonly command: Readonly<Record<string, unknown>>;
  /** Everything else the result depends on that is not a file: options, configuration. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Files whose content the result depends on (absolute). */
  readonly files: readonly string[];
  readonly packageDirs: readonly string[];
  readonly repoRoot: string;
}

function contentHash(file: string): string {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("hex");
  } catch {
    return "-";
  }
}

export class ResultCache {
  private readonly entry: string;
  private readonly key: string;

  constructor(inputs: CacheInputs) {
    const command = createHash("sha256").update(JSON.stringify(inputs.command)).digest("hex").slice(0, 32);
    this.entry = path.join(inputs.location, `${command}.json`);
    const hash = createHash("sha256");
    hash.update(JSON.stringify({ version: VERSION, conventions: CONVENTIONS, command: inputs.command, settings: inputs.settings }));
    const depended = [
      ...inputs.files,
      ...inputs.packageDirs.flatMap((dir) => [path.join(dir, "package.json"), path.join(dir, "tsconfig.json")]),
      ...LOCKFILES.map((name) => path.join(inputs.repoRoot, name)),
    ];
    for (const file of [...new Set(depended)].sort()) hash.update(`\0${file}\0${contentHash(file)}`);
    this.key = hash.digest("hex");
  }

  /** The stored report when its key matches, else undefined. */
  read(): Report | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.entry, "utf8")) as { key?: string; report?: Report };
      return stored.key === this.key ? stored.report : undefined;
    } catch {
      return undefined; // no entry, or an unreadable one: run
    }
  }

  write(report: Report): void {
    try {
      mkdirSync(path.dirname(this.entry), { recursive: true });
      const temp = `${this.entry}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ key: this.key, report }));
      renameSync(temp, this.entry);
    } catch {
      // a cache that cannot be written only costs the next run its speed
    }
  }
}
