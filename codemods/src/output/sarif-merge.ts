/**
 * `floe-codemod merge-sarif <files...>`: the SARIF logs of the shards of one
 * `check --shard i/n` matrix merged into one log with one run, as one
 * unsharded `check` would have written it (the shards share rules, URIs are
 * relative to the repository root and fingerprints depend only on the file, so
 * merging is a union). Upload that one file: code scanning then sees a single
 * analysis, whatever the number of shards.
 */
interface SarifRun {
  tool: { driver: { name: string; version?: string; rules?: { id: string }[] } };
  invocations?: { executionSuccessful?: boolean; toolExecutionNotifications?: unknown[] }[];
  results?: { ruleId?: string; ruleIndex?: number }[];
  [key: string]: unknown;
}

interface SarifLog {
  version: string;
  runs: SarifRun[];
  [key: string]: unknown;
}

/** A log that is not floe-codemod's SARIF 2.1.0 (one run), or logs of different versions. */
export class SarifMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SarifMergeError";
  }
}

function onlyRun(log: unknown, name: string): SarifRun {
  const candidate = log as Partial<SarifLog> | null;
  if (!candidate || candidate.version !== "2.1.0" || !Array.isArray(candidate.runs) || candidate.runs.length !== 1) {
    throw new SarifMergeError(`${name}: not a SARIF 2.1.0 log with one run`);
  }
  const run = candidate.runs[0]!;
  if (run.tool?.driver?.name !== "floe-codemod") throw new SarifMergeError(`${name}: written by ${String(run.tool?.driver?.name)}, not floe-codemod`);
  return run;
}

/** Merges shard logs (parsed JSON, with a name each for messages) into one log. */
export function mergeSarif(logs: readonly { name: string; log: unknown }[]): object {
  if (logs.length === 0) throw new SarifMergeError("no SARIF files to merge");
  const runs = logs.map(({ name, log }) => ({ name, run: onlyRun(log, name) }));
  const first = runs[0]!.run;
  const rules = new Map<string, { id: string }>();
  for (const { name, run } of runs) {
    if (run.tool.driver.version !== first.tool.driver.version) {
      throw new SarifMergeError(`${name}: floe-codemod ${String(run.tool.driver.version)}, but ${runs[0]!.name} is ${String(first.tool.driver.version)}: run every shard with the same version`);
    }
    for (const rule of run.tool.driver.rules ?? []) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  }
  const ruleIds = [...rules.keys()];
  const results = runs.flatMap(({ run }) =>
    (run.results ?? []).map((r) => (r.ruleId !== undefined && rules.has(r.ruleId) ? { ...r, ruleIndex: ruleIds.indexOf(r.ruleId) } : r)),
  );
  const invocations = runs.flatMap(({ run }) => run.invocations ?? []);
  return {
    ...(logs[0]!.log as SarifLog),
    runs: [
      {
        ...first,
        tool: { ...first.tool, driver: { ...first.tool.driver, rules: [...rules.values()] } },
        invocations: [
          {
            ...(invocations[0] ?? {}),
            executionSuccessful: invocations.every((i) => i.executionSuccessful !== false),
            toolExecutionNotifications: invocations.flatMap((i) => i.toolExecutionNotifications ?? []),
          },
        ],
        results,
      },
    ],
  };
}
