/** A floe network config: two job namespaces, a platform namespace with two services, egress to a warehouse CIDR. */
import type { NetworkConfigInput } from "../../src/index.js";

export const exampleConfig: NetworkConfigInput = {
  labels: { "floe.dev/product": "orders" },
  namespaces: [
    { name: "floe-platform" },
    { name: "etl", egressCidrs: [{ cidr: "10.20.0.0/16", except: ["10.20.99.0/24"], ports: [{ port: 5432 }] }] },
  ],
  platformServices: [
    { name: "polaris", namespace: "floe-platform", podSelector: { "app.kubernetes.io/name": "polaris" }, ports: [{ port: 8181 }] },
    { name: "otel-collector", namespace: "floe-platform", podSelector: { app: "otel-collector" }, ports: [{ port: 4317 }, { port: 4318 }] },
  ],
};
