/**
 * Package registries and developer platforms: npm, PyPI, RubyGems, Clojars, JFrog Artifactory,
 * Docker Hub, Databricks, Postman, Linear, Notion, Airtable, PlanetScale, Prefect, ReadMe,
 * Infracost, 42 Intra, SettleMint, Dropbox, MaxMind, Octopus Deploy, Grafana, Mapbox, Beamer,
 * Adobe client secrets, Figma.
 */
import { END, hasDigitAndLetter, mixed, type VendorFormat } from "./format.js";

export const DEVELOPER_TOOL_FORMATS: readonly VendorFormat[] = [
  { vendor: "npm", pattern: "npm_[A-Za-z0-9]{30,}" },
  { vendor: "pypi", pattern: "pypi-AgE[A-Za-z0-9_\\-]{50,}" },
  { vendor: "rubygems", pattern: "rubygems_[a-f0-9]{48}" },
  { vendor: "clojars", pattern: "CLOJARS_[A-Za-z0-9]{60}" },
  { vendor: "artifactory", pattern: "(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})" + END, check: mixed },
  { vendor: "docker-hub", pattern: "dckr_(?:pat|oat)_[A-Za-z0-9_\\-]{20,}" },
  { vendor: "databricks", pattern: "dapi[a-f0-9]{32}(?:-\\d+)?" },
  { vendor: "postman", pattern: "PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}" },
  { vendor: "linear", pattern: "lin_(?:api|oauth)_[A-Za-z0-9]{30,}" },
  { vendor: "notion", pattern: "(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})" },
  { vendor: "airtable", pattern: "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}" },
  { vendor: "planetscale", pattern: "pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.\\-]{32,}" },
  { vendor: "prefect", pattern: "pnu_[A-Za-z0-9]{36}" + END },
  { vendor: "readme", pattern: "rdme_[a-z0-9]{70}" + END },
  // Not a file name: `video_box.ico-<32 hex>.png` is a fingerprinted asset.
  { vendor: "infracost", pattern: "ico-[A-Za-z0-9]{32}" + END + "(?!\\.[A-Za-z])" },
  { vendor: "intra42", pattern: "s-s4t2(?:ud|af)-[A-Fa-f0-9]{64}" },
  { vendor: "settlemint", pattern: "sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}" + END },
  { vendor: "dropbox-short-lived", pattern: "sl\\.[A-Za-z0-9_\\-=]{130,}" },
  { vendor: "dropbox-long-lived", pattern: "[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_\\-=]{43}", hint: /A{10}/, literal: "AAAAAAAAAA" },
  { vendor: "maxmind", pattern: "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk" + END, hint: /_mmk/, literal: "_mmk" },
  { vendor: "octopus-deploy", pattern: "API-[A-Z0-9]{26}" + END, check: hasDigitAndLetter },
  { vendor: "grafana", pattern: "(?:glsa|glc)_[A-Za-z0-9_=+/]{30,}" },
  { vendor: "grafana-api-key", pattern: "eyJrIjoi[A-Za-z0-9+/]{40,}={0,3}" },
  { vendor: "mapbox", pattern: "[ps]k\\.(?:eyJ[A-Za-z0-9_\\-]{20,}\\.[A-Za-z0-9_\\-]{20,}|[A-Za-z0-9]{60}\\.[A-Za-z0-9_\\-]{22})" },
  { vendor: "figma", pattern: "figd_[A-Za-z0-9_\\-]{40,200}" },
  { vendor: "adobe-client-secret", pattern: "p8e-[A-Za-z0-9]{32}" + END },
  { vendor: "beamer", pattern: "b_[A-Za-z0-9=_\\-]{44}" + END, check: mixed },
];
