/** Source hosting and CI: GitHub, GitLab, Bitbucket, Atlassian, Harness, Sourcegraph, Codecov-style tokens. */
import { END, type VendorFormat } from "./format.js";

export const SOURCE_CONTROL_FORMATS: readonly VendorFormat[] = [
  // App installation tokens can carry a JWT: `ghs_<installation id>_<header>.<payload>.<signature>`.
  { vendor: "github-app-installation-jwt", pattern: "ghs_\\d{1,20}_eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{10,}" },
  { vendor: "github", pattern: "gh[pousr]_[A-Za-z0-9]{30,}" },
  { vendor: "github-fine-grained", pattern: "github_pat_[A-Za-z0-9_]{30,}" },
  { vendor: "gitlab", pattern: "gl(?:pat|dt|ptt|rt|cbt|imt|oas|ft|soat|agent|ffct)-[A-Za-z0-9_\\-]{16,}(?:\\.[A-Za-z0-9_\\-]+)*" },
  { vendor: "gitlab-runner-registration", pattern: "GR1348941[A-Za-z0-9_\\-]{20,}" },
  { vendor: "bitbucket", pattern: "ATBB[A-Za-z0-9_=.\\-]{32,}" },
  { vendor: "atlassian", pattern: "ATATT3[A-Za-z0-9_\\-=]{50,}" },
  { vendor: "atlassian-connect", pattern: "ATCTT3[A-Za-z0-9_\\-=]{50,}" },
  { vendor: "harness", pattern: "(?:pat|sat)\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}" + END },
  { vendor: "sourcegraph", pattern: "sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}" + END },
  { vendor: "openshift", pattern: "sha256~[A-Za-z0-9_\\-]{43}" + END },
];
