/** Regenerates the README rules table: `npx tsx scripts/update-readme.ts`. */
import { readFileSync, writeFileSync } from "node:fs";
import { rules } from "../src/rules/index.js";
import { renderRulesTable, withRulesTable } from "./rules-table.js";

const readmeUrl = new URL("../README.md", import.meta.url);
const before = readFileSync(readmeUrl, "utf8");
const after = withRulesTable(before, renderRulesTable(rules));
if (after !== before) writeFileSync(readmeUrl, after);
console.log(after === before ? "README rules table is up to date" : "README rules table updated");
