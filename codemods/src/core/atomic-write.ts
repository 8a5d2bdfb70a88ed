/**
 * Atomic file replacement: write a sibling temp file (same directory, so the
 * same file system), then rename it over the target, so an interrupted run
 * leaves every file either as it was or fully rewritten. The file's mode is
 * kept; a symlink is written through to its target, never replaced by a
 * regular file; on SIGINT/SIGTERM/SIGHUP the temp files in flight are removed
 * before the process dies (a SIGKILL can leave one behind: the next run
 * removes it, see discover's `staleTemps`).
 */
import { rmSync, promises as fs } from "node:fs";
import path from "node:path";

const inFlight = new Set<string>();
let counter = 0;

export async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  // rename() replaces a symlink itself: write to the file it points to instead
  const target = await fs.realpath(filePath).catch(() => filePath);
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.floe-codemod-${process.pid}-${(Date.now() * 1000 + counter++).toString(36)}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  inFlight.add(temp);
  try {
    await fs.writeFile(temp, content, mode === undefined ? undefined : { mode });
    if (mode !== undefined) await fs.chmod(temp, mode); // writeFile's mode is filtered by the umask
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Runs `write` with signal handlers that remove the temp files in flight and then
 * let the signal end the process as it would have (same signal, same exit status).
 */
export async function withInterruptCleanup<T>(write: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const temp of inFlight) rmSync(temp, { force: true });
    inFlight.clear();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await write();
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}
