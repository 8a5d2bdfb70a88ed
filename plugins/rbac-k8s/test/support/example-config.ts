/** A floe RBAC config with two namespaces, a job without secrets and one with a custom service account. */
import type { RbacConfigInput } from "../../src/index.js";

export const exampleConfig: RbacConfigInput = {
  labels: { "floe.dev/product": "orders" },
  jobs: [
    { name: "load-orders", namespace: "etl", secrets: ["warehouse-password", "api-key", "api-key"] },
    { name: "report", namespace: "analytics", serviceAccount: "reporting-bot", secrets: ["bi-token"], automountToken: true },
    { name: "compact", namespace: "etl" },
  ],
};
