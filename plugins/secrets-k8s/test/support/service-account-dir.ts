/** Writes a temporary service-account directory (`token`, `ca.crt`, `namespace`) like the kubelet mounts. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface ServiceAccountDir {
  dir: string;
  writeToken(token: string): void;
  remove(): void;
}

export function makeServiceAccountDir(files: { token?: string; namespace?: string; caCert?: string }): ServiceAccountDir {
  const dir = mkdtempSync(path.join(os.tmpdir(), "floe-sa-"));
  if (files.token !== undefined) writeFileSync(path.join(dir, "token"), files.token);
  if (files.namespace !== undefined) writeFileSync(path.join(dir, "namespace"), `${files.namespace}\n`);
  if (files.caCert !== undefined) writeFileSync(path.join(dir, "ca.crt"), files.caCert);
  return {
    dir,
    writeToken: (token) => writeFileSync(path.join(dir, "token"), token),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
