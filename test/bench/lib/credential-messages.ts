/**
 * A deterministic, labelled set of error messages for the sanitizer bench:
 * credentials of many public-scanner families (prefixed vendor tokens,
 * vendor-named keys, private keys, webhook URLs, JWTs) in the assignment
 * contexts real code and config use, plus benign look-alikes. Each message
 * lists its secrets, so the bench can report how many each redactor catches.
 */
export interface LabelledMessage {
  family: string;
  message: string;
  secrets: string[];
}

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function credentialMessages(count = 600, seed = 7): LabelledMessage[] {
  const random = lcg(seed);
  const from = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]!).join("");
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const families: Record<string, () => string> = {
    github: () => `ghp_${from(ALNUM, 36)}`,
    gitlab: () => `glpat-${from(ALNUM, 20)}`,
    aws: () => `AKIA${from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`,
    "google api key": () => `AIza${from(ALNUM, 35)}`,
    stripe: () => `sk_live_${from(ALNUM, 24)}`,
    slack: () => `xoxb-${from("123456789", 11)}-${from("123456789", 12)}-${from(ALNUM, 24)}`,
    "1password secret key": () => `A3-${from(UPPER, 6)}-${from(UPPER, 11)}-${from(UPPER, 5)}-${from(UPPER, 5)}-${from(UPPER, 5)}`,
    planetscale: () => `pscale_pw_${from(ALNUM, 43)}`,
    rubygems: () => `rubygems_${from(HEX, 48)}`,
    "fly.io": () => `fo1_${from(ALNUM, 43)}`,
    telegram: () => `${from("123456789", 10)}:A${from(ALNUM, 34)}`,
    atlassian: () => `ATATT3${from(ALNUM, 186)}`,
    adobe: () => `p8e-${from(ALNUM, 32)}`,
    facebook: () => `EAAC${from(ALNUM, 120)}`,
    "jfrog api key": () => `AKCp${from(ALNUM, 69)}`,
    clojars: () => `CLOJARS_${from("abcdefghijklmnopqrstuvwxyz0123456789", 60)}`,
    vercel: () => `vcp_${from(ALNUM, 40)}`,
    npm: () => `npm_${from(ALNUM, 36)}`,
    openai: () => `sk-proj-${from(ALNUM, 74)}T3BlbkFJ${from(ALNUM, 74)}`,
    sendgrid: () => `SG.${from(ALNUM, 22)}.${from(ALNUM, 43)}`,
    jwt: () => `eyJ${from(ALNUM, 30)}.eyJ${from(ALNUM, 60)}.${from(ALNUM, 43)}`,
    "generic password": () => from(ALNUM, 18),
  };
  const contexts = [
    (s: string) => `config load failed: password=${s}`,
    (s: string) => `var svcToken string = "${s}"`,
    (s: string) => `svcToken := "${s}"`,
    (s: string) => `$svcToken .= "${s}"`,
    (s: string) => `SVC_TOKEN ::= "${s}"`,
    (s: string) => `SVC_TOKEN ?= "${s}"`,
    (s: string) => `System.setProperty("SVC_TOKEN", "${s}")`,
    (s: string) => `<svcToken>\n    ${s}\n</svcToken>`,
    (s: string) => `export SVC_TOKEN=$'${s}'`,
    (s: string) => `upload rejected ${s} for project floe`,
    (s: string) => `Error: request failed\n    at call (/app/x.ts:1:1) using ${s}`,
    (s: string) => `{"config.ini": "SVC_TOKEN=${s}\\nDEBUG=true"}`,
  ];
  const KEYED = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11];
  const benign = [
    () => `GET https://api.floe.dev/v1/runs/${from(HEX, 8)}?page=2 returned 503 after 3 retries`,
    () => `commit ${from(HEX, 40)} deployed as floe 1.${Math.floor(random() * 20)}.3 (request ${from(HEX, 8)}-${from(HEX, 4)}-4${from(HEX, 3)}-a${from(HEX, 3)}-${from(HEX, 12)})`,
    () => `    at PolarisCatalog.loadTable (/app/plugins/catalog-polaris/src/plugin.ts:${Math.floor(random() * 300)}:13)`,
    () => `token expired at 2026-11-24T10:00:00Z; tokenCount=${Math.floor(random() * 9000)}`,
  ];
  const out: LabelledMessage[] = [];
  const names = Object.keys(families);
  for (let i = 0; i < count; i++) {
    if (i % 5 === 4) {
      out.push({ family: "benign", message: pick(benign)(), secrets: [] });
      continue;
    }
    const family = names[i % names.length]!;
    const secret = families[family]!();
    // A generic password is only recognisable after a key: give it a keyed context.
    const context = family === "generic password" ? pick(KEYED.map((k) => contexts[k]!)) : pick(contexts);
    out.push({ family, message: context(secret), secrets: [secret] });
  }
  return out;
}

/** Whether `output` still contains any 8-character window of a secret (the corpus README's leak rule). */
export function leaks(output: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => {
    for (let i = 0; i + 8 <= secret.length; i++) if (output.includes(secret.slice(i, i + 8))) return true;
    return false;
  });
}
