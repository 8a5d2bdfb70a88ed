/**
 * A minimal Language Server Protocol client over stdio (Content-Length framing), enough
 * to drive an ESLint language server the way VS Code's ESLint extension does: answer
 * the server's own requests (settings through `workspace/configuration`), send
 * requests and notifications, and wait for notifications such as `publishDiagnostics`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

interface Message {
  jsonrpc: "2.0";
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type RequestHandler = (params: unknown) => unknown;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Every notification received, in order (`window/logMessage` helps when a test fails). */
  readonly notifications: Message[] = [];
  private readonly waiters: Array<{ method: string; test: (p: any) => boolean; resolve: (p: any) => void }> = [];
  readonly stderr: string[] = [];

  constructor(command: string, args: string[], cwd: string, private readonly handlers: Record<string, RequestHandler>) {
    this.child = spawn(command, args, { cwd, stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.child.on("exit", (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code}): ${this.stderr.join("")}`));
      this.pending.clear();
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.write({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: "2.0", method, params });
  }

  /** The first notification `method` (already received or future) whose params pass `test`. */
  waitFor<T>(method: string, test: (params: T) => boolean = () => true): Promise<T> {
    const seen = this.notifications.find((n) => n.method === method && test(n.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise<T>((resolve) => this.waiters.push({ method, test, resolve }));
  }

  async shutdown(): Promise<void> {
    try {
      await this.request("shutdown", null);
      this.notify("exit", null);
    } finally {
      this.child.kill();
    }
  }

  private write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method && message.id !== undefined) {
      // A request from the server.
      const handler = this.handlers[message.method];
      const result = handler ? handler(message.params) : null;
      this.write({ jsonrpc: "2.0", id: message.id, result: result ?? null });
    } else if (message.method) {
      this.notifications.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.method === message.method && waiter.test(message.params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message.params);
        }
      }
    } else if (typeof message.id === "number") {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
    }
  }
}

export interface Position {
  line: number;
  character: number;
}
export interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

/** Applies LSP text edits (UTF-16 positions, as JavaScript strings index) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: Position) => (lineStarts[p.line] ?? text.length) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((current, edit) => current.slice(0, offset(edit.range.start)) + edit.newText + current.slice(offset(edit.range.end)), text);
}
