/**
 * Worker-thread entry: processes batches of files with the file transforms
 * named in `workerData`, loading the parsers only when a file passes the
 * pre-filter.
 */
import { parentPort, workerData } from "node:worker_threads";
import { FILE_TRANSFORMS } from "../transforms/file-transforms.js";
import { processFile, type FileTask } from "./process-file.js";
import type { TransformOptions } from "./types.js";

interface WorkerConfig {
  readonly transforms: string[];
  readonly options: TransformOptions;
  readonly prefilter: boolean;
  readonly optionsByTransform?: Readonly<Record<string, TransformOptions>>;
}

const config = workerData as WorkerConfig;
const transforms = config.transforms.map((name) => {
  const t = FILE_TRANSFORMS[name];
  if (!t) throw new Error(`unknown file transform ${name}`);
  return t;
});

parentPort!.on("message", (batch: { id: number; tasks: FileTask[] }) => {
  const results = batch.tasks.map((task) => processFile(task, transforms, config.options, config.prefilter, config.optionsByTransform));
  parentPort!.postMessage({ id: batch.id, results });
});
