/**
 * Builds Dagster's asset graph from a dbt manifest the way dagster-dbt does:
 * one asset per model, seed and snapshot (key = optional prefix + name), one
 * external asset per source (key = source name + table), dependencies from
 * `depends_on.nodes`, groups from the dbt `group` (else `default`), in
 * topological order (dependencies first).
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ManifestError } from "./errors.js";

const nodeSchema = z.looseObject({
  resource_type: z.string(),
  name: z.string(),
  unique_id: z.string(),
  description: z.string().nullish(),
  group: z.string().nullish(),
  source_name: z.string().nullish(),
  config: z.looseObject({ group: z.string().nullish() }).nullish(),
  depends_on: z.looseObject({ nodes: z.array(z.string()).default([]) }).nullish(),
});

const manifestSchema = z.looseObject({
  metadata: z.looseObject({ dbt_schema_version: z.string(), project_name: z.string().nullish() }),
  nodes: z.record(z.string(), nodeSchema),
  sources: z.record(z.string(), nodeSchema).default({}),
});

export type DbtManifest = z.infer<typeof manifestSchema>;

export interface DagsterAsset {
  /** Asset key path, e.g. `["shop", "orders"]`. */
  key: string[];
  /** `key` joined with `/`, Dagster's string form. */
  keyString: string;
  /** dbt unique id it comes from. */
  uniqueId: string;
  kind: "model" | "seed" | "snapshot" | "source";
  group: string;
  /** Upstream asset keys. */
  deps: string[][];
  description?: string;
}

export interface AssetGraph {
  assets: DagsterAsset[];
  /** Group name -> asset key strings. */
  groups: Record<string, string[]>;
}

export interface DefinitionsSource {
  /** A parsed manifest, or the path of `target/manifest.json`. */
  manifest: unknown;
}

const ASSET_TYPES = new Set(["model", "seed", "snapshot"]);

export function keyToString(key: readonly string[]): string {
  return key.join("/");
}

export async function loadManifest(manifest: unknown): Promise<DbtManifest> {
  let value = manifest;
  if (typeof manifest === "string") {
    try {
      value = JSON.parse(await readFile(manifest, "utf8"));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ManifestError(`cannot read dbt manifest ${manifest}: ${code ?? "not valid JSON"}`, {
        code: code === "ENOENT" ? "MANIFEST_NOT_FOUND" : "INVALID_MANIFEST",
      });
    }
  }
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    const paths = [...new Set(result.error.issues.map((i) => i.path.map(String).join(".") || "(root)"))];
    throw new ManifestError(`not a dbt manifest: invalid ${paths.slice(0, 5).join(", ")}`, { code: "INVALID_MANIFEST" });
  }
  return result.data;
}

export function buildAssetGraph(manifest: DbtManifest, keyPrefix: readonly string[] = []): AssetGraph {
  const keys = new Map<string, string[]>();
  const assets = new Map<string, DagsterAsset>();
  for (const source of Object.values(manifest.sources)) {
    const key = [...keyPrefix, source.source_name ?? "source", source.name];
    keys.set(source.unique_id, key);
    assets.set(source.unique_id, {
      key, keyString: keyToString(key), uniqueId: source.unique_id, kind: "source", group: "default", deps: [],
      ...(source.description ? { description: source.description } : {}),
    });
  }
  const nodes = Object.values(manifest.nodes).filter((n) => ASSET_TYPES.has(n.resource_type));
  for (const node of nodes) keys.set(node.unique_id, [...keyPrefix, node.name]);
  for (const node of nodes) {
    const key = keys.get(node.unique_id)!;
    const deps = (node.depends_on?.nodes ?? []).map((id) => keys.get(id)).filter((k): k is string[] => k !== undefined);
    assets.set(node.unique_id, {
      key,
      keyString: keyToString(key),
      uniqueId: node.unique_id,
      kind: node.resource_type as DagsterAsset["kind"],
      group: node.group ?? node.config?.group ?? "default",
      deps,
      ...(node.description ? { description: node.description } : {}),
    });
  }
  const ordered = topologicalOrder([...assets.values()]);
  const groups: Record<string, string[]> = {};
  for (const asset of ordered) (groups[asset.group] ??= []).push(asset.keyString);
  return { assets: ordered, groups };
}

/** Dependencies first; ties broken by key so the order is stable. Throws on a cycle. */
function topologicalOrder(assets: DagsterAsset[]): DagsterAsset[] {
  const byKey = new Map(assets.map((a) => [a.keyString, a]));
  const state = new Map<string, "visiting" | "done">();
  const ordered: DagsterAsset[] = [];
  const visit = (asset: DagsterAsset, trail: string[]) => {
    const mark = state.get(asset.keyString);
    if (mark === "done") return;
    if (mark === "visiting") {
      throw new ManifestError(`dependency cycle: ${[...trail, asset.keyString].join(" -> ")}`, { code: "CYCLE" });
    }
    state.set(asset.keyString, "visiting");
    for (const dep of [...asset.deps].map(keyToString).sort()) {
      const upstream = byKey.get(dep);
      if (upstream) visit(upstream, [...trail, asset.keyString]);
    }
    state.set(asset.keyString, "done");
    ordered.push(asset);
  };
  for (const asset of [...assets].sort((a, b) => a.keyString.localeCompare(b.keyString))) visit(asset, []);
  return ordered;
}
