// Private keys in every PEM and non-PEM form, freshly generated per run (node:crypto for RSA, EC and
// Ed25519 in PKCS#1, PKCS#8, encrypted and SEC1 encodings; random bodies for OpenSSH, PuTTY, PGP and
// age), raw, inside JSON strings with `\n` escapes, truncated, missing their BEGIN line, as bare DER
// base64, as JWK and as .NET XML. Public keys stay byte-identical.
import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REDACTED, sanitizeErrorMessage } from "../src/index.js";
import { leakedSecrets } from "../src/testing/index.js";
import { randomFrom } from "./support/secret-contexts.js";

const BIG = { maxLength: 20_000 };
const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");

function pem(key: KeyObject, type: "pkcs1" | "pkcs8" | "sec1", encrypted = false): string {
  const options = encrypted ? { cipher: "aes-256-cbc", passphrase: randomBytes(8).toString("hex") } : {};
  return key.export({ type, format: "pem", ...options } as never) as string;
}

/** The base64 body of a PEM block, its header lines (`Proc-Type`, `DEK-Info`) left out. */
function body(block: string): string {
  return block.split("\n").filter((line) => line !== "" && !line.startsWith("-----") && !line.includes(":")).join("");
}

function armored(label: string, payload: Buffer, headers = ""): string {
  const lines = payload.toString("base64").match(/.{1,64}/g)!.join("\n");
  return `-----BEGIN ${label}-----\n${headers}${lines}\n-----END ${label}-----\n`;
}

const PEM_BLOCKS: Record<string, () => string> = {
  "PKCS#1 RSA": () => pem(rsa.privateKey, "pkcs1"),
  "PKCS#1 RSA, encrypted (Proc-Type/DEK-Info)": () => pem(rsa.privateKey, "pkcs1", true),
  "PKCS#8": () => pem(rsa.privateKey, "pkcs8"),
  "PKCS#8 encrypted": () => pem(rsa.privateKey, "pkcs8", true),
  "SEC1 EC": () => pem(ec.privateKey, "sec1"),
  "PKCS#8 Ed25519": () => pem(ed.privateKey, "pkcs8"),
  OpenSSH: () => armored("OPENSSH PRIVATE KEY", Buffer.concat([Buffer.from("openssh-key-v1\0"), randomBytes(400)])),
  "PGP private key block": () => armored("PGP PRIVATE KEY BLOCK", randomBytes(600), "Version: GnuPG v2\n\n"),
  "SSH2 encrypted": () => armored("SSH2 ENCRYPTED PRIVATE KEY", randomBytes(500)),
  "DSA": () => armored("DSA PRIVATE KEY", Buffer.concat([Buffer.from("0\x82\x01\xbb\x02\x01\x00", "latin1"), randomBytes(400)])),
};

describe("PEM private keys", () => {
  for (const [name, make] of Object.entries(PEM_BLOCKS)) {
    it(`${name}: raw, in JSON, in a stack trace, truncated and headless`, () => {
      const block = make();
      const secret = body(block);
      const begin = block.split("\n")[0]!;
      const end = block.trimEnd().split("\n").pop()!;
      const forms = {
        raw: `failed to parse key:\n${block}`,
        json: JSON.stringify({ pem: block, client_email: "floe@example.iam" }),
        "service account JSON": JSON.stringify({ type: "service_account", private_key: block, client_email: "floe@example.iam" }),
        stack: `Error: invalid key ${block}    at loadKey (/app/src/keys.ts:12:7)`,
        yaml: `tls:\n  key: |\n${block.split("\n").map((line) => `    ${line}`).join("\n")}\n  cert: none`,
        truncated: `decoder: ${block.slice(0, Math.floor(block.length / 2))}`,
        "truncated JSON": JSON.stringify({ key: block.slice(0, Math.floor(block.length / 2)) }),
        headless: `...${block.slice(begin.length + 1 + 70)}`,
        "headless JSON": JSON.stringify({ key: block.slice(begin.length + 1 + 70) }).slice(1, -1),
      };
      for (const [form, text] of Object.entries(forms)) {
        const output = sanitizeErrorMessage(text, BIG);
        expect(leakedSecrets(output, [secret]), `${form}: ${output}`).toEqual([]);
        if (form === "raw" || form === "json") {
          expect(output).toContain(begin);
          expect(output).toContain(end);
        }
        if (form === "json" || form === "service account JSON") expect(output).toContain('"client_email":"floe@example.iam"');
        if (form === "stack") expect(output).toContain("at loadKey (/app/src/keys.ts:12:7)");
        if (form === "yaml") expect(output).toContain("  cert: none");
      }
    });
  }

  it("PuTTY .ppk private lines go, the public part and the MAC line stay", () => {
    const privateLines = randomBytes(300).toString("base64").match(/.{1,64}/g)!;
    const ppk = [
      "PuTTY-User-Key-File-3: ssh-ed25519",
      "Encryption: none",
      "Comment: floe-deploy",
      "Public-Lines: 2",
      "AAAAC3NzaC1lZDI1NTE5AAAAIBu6Wm1+c0K3b0lFvP5pQH2yK0bpp0pN8JYQm2s",
      "a2V5",
      `Private-Lines: ${privateLines.length}`,
      ...privateLines,
      `Private-MAC: ${randomBytes(32).toString("hex")}`,
    ].join("\n");
    for (const text of [ppk, JSON.stringify(ppk).slice(1, -1)]) {
      const output = sanitizeErrorMessage(text, BIG);
      expect(leakedSecrets(output, privateLines)).toEqual([]);
      expect(output).toContain("Comment: floe-deploy");
      expect(output).toContain("Private-MAC:");
    }
  });
});

describe("private keys outside PEM", () => {
  const forms: Record<string, () => string> = {
    "PKCS#1 DER base64": () => body(pem(rsa.privateKey, "pkcs1")),
    "PKCS#8 DER base64": () => body(pem(rsa.privateKey, "pkcs8")),
    "encrypted PKCS#8 DER base64": () => body(pem(rsa.privateKey, "pkcs8", true)),
    "SEC1 EC DER base64": () => body(pem(ec.privateKey, "sec1")),
    "PKCS#8 EC DER base64": () => body(pem(ec.privateKey, "pkcs8")),
    "PKCS#8 Ed25519 DER base64": () => body(pem(ed.privateKey, "pkcs8")),
    "OpenSSH body": () => Buffer.concat([Buffer.from("openssh-key-v1\0"), randomBytes(300)]).toString("base64"),
    "age secret key": () => `AGE-SECRET-KEY-1${randomFrom("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)}`,
    "age plugin identity": () => `AGE-PLUGIN-YUBIKEY-1${randomFrom("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 40)}`,
  };
  for (const [name, make] of Object.entries(forms)) {
    it(`${name}: bare, keyed, quoted in JSON and wrapped over lines`, () => {
      const secret = make();
      // age keys are single-line by format; DER and OpenSSH bodies wrap at 64 columns.
      const wrapped = secret.startsWith("AGE-") ? secret : secret.match(/.{1,64}/g)!.join("\n");
      const contexts = [
        `could not load signing key ${secret} (pkcs)`,
        `SIGNING_MATERIAL=${secret}`,
        JSON.stringify({ material: secret, kid: "k-2026" }),
        `material:\n${wrapped}\nloaded by floe-worker`,
        JSON.stringify({ material: wrapped }),
      ];
      for (const text of contexts) {
        const output = sanitizeErrorMessage(text, BIG);
        expect(leakedSecrets(output, [secret, ...wrapped.split("\n").filter((l) => l.length >= 8)]), output).toEqual([]);
      }
      expect(sanitizeErrorMessage(`could not load signing key ${secret} (pkcs)`, BIG)).toBe(`could not load signing key ${REDACTED} (pkcs)`);
      expect(sanitizeErrorMessage(`material:\n${wrapped}\nloaded by floe-worker`, BIG)).toBe(`material:\n${REDACTED}\nloaded by floe-worker`);
    });
  }

  it("JWK private members go, public members and the key type stay", () => {
    for (const key of [rsa.privateKey, ec.privateKey, ed.privateKey]) {
      const jwk = key.export({ format: "jwk" }) as Record<string, string>;
      const output = sanitizeErrorMessage(`bad key ${JSON.stringify(jwk)}`, BIG);
      const privateMembers = ["d", "p", "q", "dp", "dq", "qi"].filter((m) => jwk[m] !== undefined).map((m) => jwk[m]!);
      expect(leakedSecrets(output, privateMembers), output).toEqual([]);
      expect(output).toContain(`"kty":"${jwk.kty}"`);
      for (const member of ["x", "y", "e"]) if (jwk[member] !== undefined) expect(output).toContain(jwk[member]);
    }
  });

  it(".NET RSAKeyValue private elements go, modulus and exponent stay", () => {
    const jwk = rsa.privateKey.export({ format: "jwk" }) as Record<string, string>;
    const b64 = (v: string) => Buffer.from(v, "base64url").toString("base64");
    const xml = `<RSAKeyValue><Modulus>${b64(jwk.n!)}</Modulus><Exponent>${b64(jwk.e!)}</Exponent><P>${b64(jwk.p!)}</P><Q>${b64(jwk.q!)}</Q><DP>${b64(jwk.dp!)}</DP><DQ>${b64(jwk.dq!)}</DQ><InverseQ>${b64(jwk.qi!)}</InverseQ><D>${b64(jwk.d!)}</D></RSAKeyValue>`;
    const output = sanitizeErrorMessage(xml, BIG);
    expect(leakedSecrets(output, ["p", "q", "dp", "dq", "qi", "d"].map((m) => b64(jwk[m]!)))).toEqual([]);
    expect(output).toContain(`<Modulus>${b64(jwk.n!)}</Modulus>`);
    expect(output).toContain("<D><REDACTED></D>");
  });

  it("public keys stay byte-identical (PEM, DER base64, ssh-rsa, JWK)", () => {
    const spki = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
    const pkcs1Public = rsa.publicKey.export({ type: "pkcs1", format: "pem" }) as string;
    const ecPublic = ec.publicKey.export({ type: "spki", format: "pem" }) as string;
    const publicJwk = JSON.stringify(ec.publicKey.export({ format: "jwk" }));
    const texts = [spki, pkcs1Public, ecPublic, body(spki), body(pkcs1Public), `ssh-ed25519 ${randomBytes(51).toString("base64")} floe@ci`, publicJwk];
    for (const text of texts) expect(sanitizeErrorMessage(text, BIG)).toBe(text);
  });
});
