/** Types for dbt-project.mjs (shared test helper). */
export declare const FAKE_DBT: string;

export interface FakeDbtScenario {
  models?: { name: string; status?: string; message?: string; rows?: number; tags?: string[]; dependsOn?: string[]; materialized?: string }[];
  tests?: { name: string; model: string; column?: string; type?: string; status?: string; failures?: number; message?: string }[];
  behaviour?: "profile_error" | "crash" | "malformed_run_results" | "sleep";
  sleepMs?: number;
  ignoreSigterm?: boolean;
  exitCode?: number;
  fusionAdapters?: string[];
}

export interface FakeDbtInvocation {
  argv: string[];
  cwd: string;
  flavor: "core" | "fusion";
  env: Record<string, string>;
}

export interface DbtProjectFixture {
  root: string;
  projectDir: string;
  profilesDir: string;
  setScenario(next: FakeDbtScenario): Promise<void>;
  invocations(): FakeDbtInvocation[];
  cleanup(): Promise<void>;
}

export declare function createDbtProject(options?: {
  name?: string;
  scenario?: FakeDbtScenario;
  profile?: Record<string, string | number>;
}): Promise<DbtProjectFixture>;
