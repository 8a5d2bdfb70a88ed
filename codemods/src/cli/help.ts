/**
 * Help texts, rendered from the transform registry and the common options:
 * the global `--help` and each transform's `<transform> --help` (usage, what
 * the paths mean, its options, an example, exit codes).
 */
import { DOCS_URL, GENERATORS, optionsFor, PIPELINES, TRANSFORMS, type TransformOption } from "../transforms/index.js";
import { COMMON_OPTIONS, EXIT_CODES, type CommonOption } from "./options.js";

const WIDTH = 100;

function wrap(text: string, indent: number, width = WIDTH): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : " ".repeat(indent) + l)).join("\n");
}

function optionLines(options: readonly (CommonOption | TransformOption)[]): string {
  const labels = options.map((o) => {
    const short = "short" in o && o.short ? `-${o.short}, ` : "    ";
    return `  ${short}--${o.flag}${o.valueName ? ` ${o.valueName}` : ""}`;
  });
  const column = Math.max(...labels.map((l) => l.length)) + 2;
  return options.map((o, i) => `${labels[i]!.padEnd(column)}${wrap(o.help, column)}`).join("\n");
}

function exitCodeLines(): string {
  return EXIT_CODES.map(([code, meaning]) => `  ${code}  ${wrap(meaning, 5)}`).join("\n");
}

export function globalHelp(): string {
  const rows: [string, string][] = [
    ...[...TRANSFORMS.values()].map((t): [string, string] => [t.name, t.summary]),
    ...[...PIPELINES.values()].map((p): [string, string] => [p.name, p.summary]),
    ["list", "describe the transforms (--json for machines)"],
    ["merge-sarif", "merge the SARIF logs of check --shard i/n runs into one (printed on stdout)"],
    ...[...GENERATORS.values()].map((g): [string, string] => [g.name, g.summary]),
  ];
  const transformOptions = [...new Map([...TRANSFORMS.values()].flatMap((t) => t.options.map((o) => [o.flag, { o, t: t.name }]))).values()];
  return `Usage: floe-codemod <transform> [paths...] [options]
       floe-codemod <transform> --help
       floe-codemod list [--json]
       floe-codemod merge-sarif <shard.sarif...>
${[...GENERATORS.values()].map((g) => `       ${g.usage}\n`).join("")}
Transforms:
${rows.map(([name, summary]) => `  ${name.padEnd(24)}${wrap(summary, 26)}`).join("\n")}

Paths default to the current directory. Inside a git work tree the files git lists are looked at
(tracked, and untracked but not ignored); elsewhere .gitignore files are honoured. node_modules and
dist are always skipped, and so are files with a "// floe-codemod-ignore-file" comment. Ignores and
options can also live in floe-codemod.config.json (or a "floe-codemod" key in package.json), found
from the current directory upwards.

Options (every transform):
${optionLines(COMMON_OPTIONS)}

Transform options (see floe-codemod <transform> --help):
${optionLines(transformOptions.map(({ o, t }) => ({ ...o, help: `${t}, migrate, check: ${o.help}` })))}

Exit codes:
${exitCodeLines()}

Docs: ${DOCS_URL}
`;
}

/** `floe-codemod <name> --help`; undefined for an unknown name. */
export function transformHelp(name: string): string | undefined {
  const single = TRANSFORMS.get(name);
  const pipeline = PIPELINES.get(name);
  if (!single && !pipeline) return undefined;
  const own = optionsFor(name);
  const kind = single
    ? single.kind === "file"
      ? "file transform: rewrites one source file at a time"
      : "project transform: works on whole plugin packages (package.json, plugin class across files)"
    : `pipeline: ${pipeline!.steps.join(" -> ")}`;
  const paths = single ? single.paths : "files or directories; project steps work on the plugin packages found under them";
  const example = (single ?? pipeline)!.example;
  return `Usage: floe-codemod ${name} [paths...] [options]

${wrap((single ?? pipeline)!.description, 0)}

Kind:  ${wrap(kind, 7)}
Paths: ${wrap(`${paths} (default: .)`, 7)}
${own.length ? `\nOptions:\n${optionLines(own)}\n` : ""}
Common options:
${optionLines(COMMON_OPTIONS)}

Example:
  npx ${example}

Exit codes:
${exitCodeLines()}

Docs: ${DOCS_URL}#${name}
`;
}
