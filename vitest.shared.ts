// Shared vitest settings: every workspace writes a JSON report that scripts/run-tests.mjs sums into one line.
import { defineConfig } from "vitest/config";

export const floeVitestConfig = defineConfig({
  // Node 20 runs neither TC39 decorators nor `using`: lower them.
  esbuild: { target: "es2022", keepNames: true },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/fixtures/**", "test/bench/**"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // Generous: type-checked rule tests and CLI runs start TypeScript programs, slow on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
