/**
 * Regenerates the rules docs of the package README and of the repo root README from the
 * plugin (rule meta and configs): `npm run docs` (or `npx tsx scripts/update-readme.ts`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import plugin from "../src/index.js";
import { packageReadme, rootReadme } from "./rules-table.js";

const targets = [
  { url: new URL("../README.md", import.meta.url), render: packageReadme },
  { url: new URL("../../README.md", import.meta.url), render: rootReadme },
];
for (const { url, render } of targets) {
  const before = readFileSync(url, "utf8");
  const after = render(before, plugin);
  if (after !== before) writeFileSync(url, after);
  console.log(`${url.pathname}: ${after === before ? "up to date" : "updated"}`);
}
