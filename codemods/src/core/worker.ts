/**
 * Worker-thread entry: processes batches of files with the file transforms
 * named in `workerData`, loading the parsers only when a file passes the
 * pre-filter. The engine knows no concrete transform: each one arrives as a
 * `<module URL>#<export name>` reference (from the transform registry) and is
 * imported here.
 */
import { parentPort, workerData } from "node:worker_threads";
import { processFile, type FileTask } from "./process-file.js";
import type { FileTransform, TransformOptions } from "./types.js";

interface WorkerConfig {
  /** `<module URL>#<export name>` of each file transform, in order. */
  readonly transforms: string[];
  readonly options: TransformOptions;
  readonly prefilter: boolean;
  readonly optionsByTransform?: Readonly<Record<string, TransformOptions>>;
}

async function importTransform(ref: string): Promise<FileTransform> {
  const hash = ref.lastIndexOf("#");
  if (hash < 0) throw new Error(`not a transform module reference: ${ref}`);
  const mod = (await import(ref.slice(0, hash))) as Record<string, unknown>;
  const transform = mod[ref.slice(hash + 1)] as FileTransform | undefined;
  if (transform?.kind !== "file") throw new Error(`${ref} is not a file transform`);
  return transform;
}

const config = workerData as WorkerConfig;
const transforms = Promise.all(config.transforms.map(importTransform));

parentPort!.on("message", (batch: { id: number; tasks: FileTask[] }) => {
  void transforms.then((loaded) => {
    const results = batch.tasks.map((task) => processFile(task, loaded, config.options, config.prefilter, config.optionsByTransform));
    parentPort!.postMessage({ id: batch.id, results });
  });
});
