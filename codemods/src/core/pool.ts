/**
 * A node:worker_threads pool for big trees: files are handed out in small
 * batches to min(cores, N) workers; results stream back in any order.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileOutcome, FileTask } from "./process-file.js";
import type { TransformOptions } from "./types.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);

/** Whether the compiled worker exists (not when running from TypeScript sources). */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

export async function runInPool(
  tasks: readonly FileTask[],
  size: number,
  config: { transforms: string[]; options: TransformOptions; prefilter: boolean; optionsByTransform?: Readonly<Record<string, TransformOptions>> },
  onResults: (results: FileOutcome[]) => void,
  batchSize = 24,
): Promise<void> {
  const batches: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += batchSize) batches.push(tasks.slice(i, i + batchSize));
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(size, batches.length)) }, () => new Worker(WORKER_URL, { workerData: config }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= batches.length) {
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ id, tasks: batches[id] });
            };
            worker.on("message", (msg: { id: number; results: FileOutcome[] }) => {
              onResults(msg.results);
              feed();
            });
            worker.once("error", reject);
            worker.once("exit", (code) => {
              if (code !== 0) reject(new Error(`worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
