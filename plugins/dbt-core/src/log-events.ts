/**
 * dbt's structured log lines (`--log-format json`): one JSON object per line,
 * `{ info: { name, code, level, msg, ts, invocation_id, ... }, data: {...} }`.
 * Non-JSON lines (plain output, warnings from Python) are kept as raw text.
 */
export type DbtLogLevel = "debug" | "info" | "warn" | "error" | (string & {});

export interface DbtLogEvent {
  /** Event name, e.g. `LogModelResult`, `MainEncounteredError`; `RawOutput` for non-JSON lines. */
  name: string;
  /** dbt event code, e.g. `Q012`. */
  code?: string;
  level: DbtLogLevel;
  msg: string;
  ts?: string;
  invocationId?: string;
  /** The event's structured payload. */
  data: Record<string, unknown>;
}

/** Parses one stdout line; undefined for blank lines. */
export function parseLogLine(line: string): DbtLogEvent | undefined {
  const text = line.trim();
  if (text === "") return undefined;
  if (text.startsWith("{")) {
    try {
      const parsed = JSON.parse(text) as { info?: Record<string, unknown>; data?: Record<string, unknown> };
      const info = parsed.info;
      if (info && typeof info === "object") {
        return {
          name: typeof info.name === "string" ? info.name : "Unknown",
          code: typeof info.code === "string" ? info.code : undefined,
          level: typeof info.level === "string" ? info.level : "info",
          msg: typeof info.msg === "string" ? info.msg : "",
          ts: typeof info.ts === "string" ? info.ts : undefined,
          invocationId: typeof info.invocation_id === "string" ? info.invocation_id : undefined,
          data: parsed.data && typeof parsed.data === "object" ? parsed.data : {},
        };
      }
    } catch {
      // Not a structured line after all: keep it raw.
    }
  }
  return { name: "RawOutput", level: /\berror\b/i.test(text) ? "error" : "info", msg: text, data: {} };
}

/** Splits a byte stream into lines, calling `onLine` for each complete one. */
export class LineSplitter {
  private buffer = "";

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf("\n");
    while (newline !== -1) {
      this.onLine(this.buffer.slice(0, newline).replace(/\r$/, ""));
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf("\n");
    }
  }

  flush(): void {
    if (this.buffer !== "") this.onLine(this.buffer);
    this.buffer = "";
  }
}
