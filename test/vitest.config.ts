import { mergeConfig } from "vitest/config";
import { floeVitestConfig } from "../vitest.shared";

// The cross-package suites live at the top of this workspace (e2e/, contract/, packaging/, code-scanning/, tooling/), not under test/.
export default mergeConfig(floeVitestConfig, {
  test: { include: ["e2e/**/*.test.ts", "contract/**/*.test.ts", "packaging/**/*.test.ts", "code-scanning/**/*.test.ts", "tooling/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
