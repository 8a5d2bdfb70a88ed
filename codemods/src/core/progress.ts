/**
 * A one-line progress bar on stderr, only for an interactive terminal (not in
 * CI, not with machine-readable output).
 */
export interface Progress {
  tick(count?: number): void;
  done(): void;
}

const NOOP: Progress = { tick() {}, done() {} };

export function progressEnabled(stream: NodeJS.WriteStream | { isTTY?: boolean }, machineOutput: boolean): boolean {
  return !!stream.isTTY && !process.env.CI && !machineOutput;
}

export function createProgress(total: number, label: string, stream: NodeJS.WritableStream | undefined): Progress {
  if (!stream || total === 0) return NOOP;
  let done = 0;
  let lastDraw = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick(count = 1) {
      done += count;
      const now = Date.now();
      if (now - lastDraw > 50 || done >= total) {
        lastDraw = now;
        draw();
      }
    },
    done() {
      draw();
      stream.write("\n");
    },
  };
}
