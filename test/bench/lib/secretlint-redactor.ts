/**
 * secretlint (recommended preset) used as a redactor, for the sanitizer bench:
 * every range it reports is replaced with the marker. secretlint is not a repo
 * dependency; it is loaded from a scratch install when present
 * (`npm install @secretlint/core @secretlint/secretlint-rule-preset-recommend`
 * in SECRETLINT_BENCH_DIR, default /tmp/secretlint-bench), and the bench says
 * so and skips it otherwise.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type AsyncRedactor = (message: string) => Promise<string>;

interface LintResult {
  messages: { range: readonly [number, number] }[];
}
type LintSource = (input: { source: { content: string; filePath: string; contentType: "text" }; options: { config: { rules: unknown[] } } }) => Promise<LintResult>;

export async function loadSecretlintRedactor(): Promise<{ redact?: AsyncRedactor; reason?: string }> {
  const dir = process.env.SECRETLINT_BENCH_DIR ?? "/tmp/secretlint-bench";
  const core = path.join(dir, "node_modules/@secretlint/core/module/index.js");
  const preset = path.join(dir, "node_modules/@secretlint/secretlint-rule-preset-recommend/module/index.js");
  if (!existsSync(core) || !existsSync(preset)) return { reason: `secretlint not installed in ${dir}; skipped` };
  const { lintSource } = (await import(pathToFileURL(core).href)) as { lintSource: LintSource };
  const { creator } = (await import(pathToFileURL(preset).href)) as { creator: unknown };
  const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: creator }] };
  const redact: AsyncRedactor = async (message) => {
    const result = await lintSource({ source: { content: message, filePath: "/error.txt", contentType: "text" }, options: { config } });
    const ranges = result.messages.map((m) => m.range).sort((a, b) => a[0] - b[0]);
    let out = "";
    let last = 0;
    for (const [start, end] of ranges) {
      if (start < last) continue;
      out += message.slice(last, start) + "<REDACTED>";
      last = end;
    }
    return out + message.slice(last);
  };
  return { redact };
}
