import { describe, expect, it } from "vitest";
import * as conventions from "../src/conventions.js";
import {
  CONVENTIONS,
  PluginType,
  deriveTracerName,
  isSensitiveAttributeKey,
  parseTracerName,
  tracerNameProblems,
  typesForCategory,
} from "../src/conventions.js";

describe("conventions", () => {
  it("covers every plugin type with a category, helper and operations", () => {
    for (const type of Object.values(PluginType)) {
      const c = CONVENTIONS[type];
      expect(c.type).toBe(type);
      if (type === PluginType.TELEMETRY_BACKEND) {
        expect(c.instrumented).toBe(false);
        expect(c.spanHelper).toBeUndefined();
      } else {
        expect(c.spanHelper).toBe(`${c.category}Span`);
        expect(c.operations.length).toBeGreaterThan(0);
      }
    }
    expect(CONVENTIONS.ALERT_CHANNEL.category).toBe("alert");
    expect(CONVENTIONS.RBAC.category).toBe("security");
    expect(CONVENTIONS.NETWORK_SECURITY.category).toBe("security");
    expect(CONVENTIONS.LINEAGE_BACKEND.category).toBe("lineage");
    expect(CONVENTIONS.SEMANTIC_LAYER.category).toBe("semantic");
    expect(typesForCategory("security").sort()).toEqual(["NETWORK_SECURITY", "RBAC"]);
  });

  it("is pure data: the module imports nothing from OpenTelemetry", async () => {
    const { readFile } = await import("node:fs/promises");
    const source = await readFile(new URL("../src/conventions.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/from\s+["']@opentelemetry/);
    expect(Object.keys(conventions)).toContain("CONVENTIONS");
  });

  it.each([
    ["ALERT_CHANNEL", "floe-alert-pagerduty", "floe.alert.pagerduty"],
    ["ALERT_CHANNEL", "@floe/plugin-alert-slack", "floe.alert.slack"],
    ["SECRETS", "@floe/plugin-secrets-k8s", "floe.secrets.k8s"],
    ["RBAC", "@floe/plugin-rbac-k8s", "floe.security.rbac"],
    ["NETWORK_SECURITY", "@floe/plugin-network-security-k8s", "floe.security.network"],
    ["DBT", "@floe/plugin-dbt-fusion", "floe.dbt.fusion"],
    ["QUALITY", "@floe/plugin-quality-gx", "floe.quality.gx"],
    ["SEMANTIC_LAYER", "@floe/plugin-semantic-cube", "floe.semantic.cube"],
    ["LINEAGE_BACKEND", "@floe/plugin-lineage-marquez", "floe.lineage.marquez"],
    ["ORCHESTRATOR", "@acme/floe-orchestrator-airflow2", "floe.orchestrator.airflow2"],
    ["COMPUTE", "my-spark-compute-plugin", "floe.compute.my_spark"],
  ] as const)("derives %s tracer name for %s", (type, pkg, expected) => {
    expect(deriveTracerName(type, pkg)).toBe(expected);
  });

  it("parses and validates tracer names", () => {
    expect(parseTracerName("floe.alert.slack")).toEqual({ category: "alert", implementation: "slack" });
    expect(parseTracerName("floe.Alert.slack")).toBeUndefined();
    expect(parseTracerName("floe.alert")).toBeUndefined();
    expect(tracerNameProblems("ALERT_CHANNEL", "floe.alert.slack")).toEqual([]);
    expect(tracerNameProblems("ALERT_CHANNEL", undefined)[0]).toMatch(/missing/);
    expect(tracerNameProblems("RBAC", "floe.rbac.k8s")[0]).toMatch(/category "rbac"/);
    expect(tracerNameProblems("TELEMETRY_BACKEND", undefined)).toEqual([]);
  });

  it("recognises secret-naming attribute keys but not the conventional metadata keys", () => {
    for (const key of ["db.password", "clientSecret", "http.request.header.authorization", "api_key", "X-Api-Key", "session.cookie", "aws.secret_access_key", "auth_token"]) {
      expect(isSensitiveAttributeKey(key), key).toBe(true);
    }
    for (const key of ["secrets.key_name", "secrets.provider", "identity.token_valid", "token_type", "password_length", "http.status_code", "alert.destination", "db.name", "aspnetcore.identity.token_purpose", "aspnetcore.authorization.result", "aws.secretsmanager.secret.arn", "process.session_leader.pid", "auth.method"]) {
      expect(isSensitiveAttributeKey(key), key).toBe(false);
    }
  });
});
