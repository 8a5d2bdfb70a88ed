// The repo lints itself: typescript-eslint's recommended rules everywhere, and floe's own rules
// (type-checked: a receiver must really be an OpenTelemetry Span) over every TypeScript source and test.
import floe from "eslint-plugin-floe";
import tseslint from "typescript-eslint";

const TYPED_FILES = ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx"];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/fixtures/**",
      "**/__fixtures__/**",
      "**/.turbo/**",
      "**/coverage/**",
      "test/bench/.work/**",
      "examples/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-empty-object-type": "off",
    },
  },
  {
    files: TYPED_FILES,
    ignores: ["**/vitest.config.ts", "vitest.shared.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    ...floe.configs["recommended-type-checked"],
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...floe.configs.recommended,
  },
);
