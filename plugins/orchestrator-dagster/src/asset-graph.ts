/**
 * Builds Dagster's asset graph from a dbt manifest the way dagster-dbt does:
 * one asset per model, seed and snapshot (key = optional prefix + name), one
 * external asset per source (key = source name + table), dependencies from
 * `depends_on.nodes`, groups from the dbt `group` (else `default`), in
 * topological order (dependencies first).
 */
import {
  parseManifestDocument,
  readManifest,
  type DbtArtifactReadOptions,
  type DbtManifest,
} from "@floe/runtime";
import { ManifestError } from "./errors.js";

export type { DbtManifest } from "@floe/runtime";

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

const asManifestError: DbtArtifactReadOptions = {
  error: (p) =>
    new ManifestError(`cannot read dbt manifest ${p.path}: ${p.problem}`, {
      code: p.kind === "not_found" ? "MANIFEST_NOT_FOUND" : "INVALID_MANIFEST",
      cause: p.cause,
    }),
};

/** A manifest path is read, an in-memory document validated (both with the shared dbt artifacts module). */
export async function loadManifest(manifest: unknown): Promise<DbtManifest> {
  return typeof manifest === "string"
    ? readManifest(manifest, asManifestError)
    : parseManifestDocument(manifest, "(in memory)", asManifestError);
}

export function buildAssetGraph(manifest: DbtManifest, keyPrefix: readonly string[] = []): AssetGraph {
  const keys = new Map<string, string[]>();
  const assets = new Map<string, DagsterAsset>();
  for (const source of Object.values(manifest.sources)) {
    const key = [...keyPrefix, source.sourceName ?? "source", source.name];
    keys.set(source.uniqueId, key);
    assets.set(source.uniqueId, {
      key, keyString: keyToString(key), uniqueId: source.uniqueId, kind: "source", group: "default", deps: [],
      ...(source.description ? { description: source.description } : {}),
    });
  }
  const nodes = Object.values(manifest.nodes).filter((n) => ASSET_TYPES.has(n.resourceType));
  for (const node of nodes) keys.set(node.uniqueId, [...keyPrefix, node.name]);
  for (const node of nodes) {
    const key = keys.get(node.uniqueId)!;
    const deps = node.dependsOn.map((id) => keys.get(id)).filter((k): k is string[] => k !== undefined);
    assets.set(node.uniqueId, {
      key,
      keyString: keyToString(key),
      uniqueId: node.uniqueId,
      kind: node.resourceType as DagsterAsset["kind"],
      group: node.group ?? "default",
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
