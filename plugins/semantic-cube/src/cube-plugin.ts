/**
 * `CubeSemanticPlugin`: generates the Cube data model from a dbt manifest,
 * syncs it to Cube's model directory, and queries Cube's REST API. Each
 * operation runs inside the `semantic.<operation>` span.
 */
import { SemanticLayerPlugin, type SemanticSyncResult } from "@floe/runtime";
import { parseCubeConfig, type CubeConfig, type CubeConfigInput } from "./config.js";
import { CubeClient, cubesOf, type CubeLoadResult, type CubeQuery } from "./cube-client.js";
import { generateCubeSchema, type CubeSchema, type CubeSchemaSource } from "./cube-model.js";
import { readManifest } from "./dbt-manifest.js";
import { syncModelFiles } from "./model-sync.js";
import { ATTRIBUTES, semanticSpan, tracing } from "./tracing.js";

export class CubeSemanticPlugin extends tracing.Plugin(SemanticLayerPlugin<CubeSchemaSource, CubeSchema, CubeQuery, CubeLoadResult>) {
  readonly config: CubeConfig;
  private readonly client: CubeClient;

  constructor(config: CubeConfigInput) {
    super();
    this.config = parseCubeConfig(config);
    this.client = new CubeClient(this.config);
  }

  async generateSchema(source: CubeSchemaSource): Promise<CubeSchema> {
    return semanticSpan("generateSchema", { [ATTRIBUTES.OPERATION]: "generateSchema" }, async (span) => {
      const manifest = typeof source.manifest === "string" ? await readManifest(source.manifest) : source.manifest;
      const schema = generateCubeSchema(manifest, source);
      span.setAttribute(ATTRIBUTES.MODEL_COUNT, schema.cubes.length);
      span.setAttribute(ATTRIBUTES.CUBE, schema.cubes.map((c) => c.name).join(","));
      return schema;
    }, { floe: this.config.floe });
  }

  async syncSchema(schema: CubeSchema): Promise<SemanticSyncResult> {
    return semanticSpan("syncSchema", {
      [ATTRIBUTES.OPERATION]: "syncSchema",
      [ATTRIBUTES.MODEL_COUNT]: schema.files.length,
      [ATTRIBUTES.CUBE]: schema.cubes.map((c) => c.name).join(","),
    }, async (span) => {
      const result = await syncModelFiles(this.config.modelDir, schema.files);
      span.setAttribute("semantic.files_written", result.written.length);
      span.setAttribute("semantic.files_removed", result.removed.length);
      return result;
    }, { floe: this.config.floe });
  }

  async query(query: CubeQuery): Promise<CubeLoadResult> {
    return semanticSpan("query", {
      [ATTRIBUTES.OPERATION]: "query",
      [ATTRIBUTES.CUBE]: cubesOf(query).join(","),
    }, async (span) => {
      const result = await this.client.load(query);
      span.setAttribute("semantic.row_count", result.data.length);
      span.setAttribute("semantic.attempts", result.attempts);
      return result;
    }, { floe: this.config.floe });
  }
}
