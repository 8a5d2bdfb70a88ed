/**
 * The `typescript` module (an optional peer dependency), loaded on first use by the
 * type-aware paths only, so that linting plain JavaScript never needs it. Its enums
 * (`ts.TypeFlags`, ...) are renumbered between TypeScript releases: read them from here,
 * never as numbers. It resolves the way typescript-eslint's own rules and ts-api-utils
 * resolve it (the peer next to the plugin), i.e. the copy the parser services use.
 */
import { createRequire } from "node:module";
import type * as ts from "typescript";

let loaded: typeof ts | undefined;

export function typescript(): typeof ts {
  loaded ??= createRequire(import.meta.url)("typescript") as typeof ts;
  return loaded;
}
