/**
 * Private keys outside PEM armour, as config dumps, Kubernetes secrets and
 * SDK errors carry them: base64 DER bodies recognisable by their ASN.1
 * prefix (PKCS#1 RSA `MII..IBAAK`, PKCS#8 `MII..IBADAN`, encrypted PKCS#8 /
 * PBES2, SEC1 EC `MHcCAQEE`, PKCS#8 EC and Ed25519/X25519, PKCS#12 bundles),
 * OpenSSH key bodies (`b3BlbnNzaC1rZXktdjE`, the base64 of `openssh-key-v1`),
 * age plugin identities, the private members of a JSON Web Key
 * (`"d"`, `"p"`, `"q"`, `"dp"`, `"dq"`, `"qi"`, `"k"` next to `"kty"`) and of
 * a .NET `<RSAKeyValue>`. Public keys (`MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A`,
 * `ssh-rsa AAAA...`, a JWK's `"n"`/`"e"`/`"x"`/`"y"`) stay.
 */
import { REDACTED } from "../marker.js";
import { Splicer, type RedactionRule } from "./rule.js";

const B64 = "[A-Za-z0-9+/]";
/** ASN.1 DER prefixes of private key structures, base64-encoded; the body runs to the end of the base64 run. */
const DER_PRIVATE_KEY = new RegExp(
  `(?<![A-Za-z0-9+/])(?:` +
    [
      `MII${B64}{3}IBAAK`, // PKCS#1 RSAPrivateKey: SEQUENCE, INTEGER 0, INTEGER modulus
      `MII${B64}{3}IBADAN`, // PKCS#8 PrivateKeyInfo: SEQUENCE, INTEGER 0, AlgorithmIdentifier
      `MII${B64}{3}[A-Za-z0-9+/]{0,3}BgkqhkiG9w0BBQ[0-9A-Za-z]`, // EncryptedPrivateKeyInfo (PBES1/PBES2 OIDs)
      `MII${B64}{3}AgEDMII`, // PKCS#12 PFX, version 3
      `MHcCAQEE`, // SEC1 ECPrivateKey (P-256)
      `MIGkAgEBBD`, // SEC1 ECPrivateKey (P-384)
      `MIHcAgEBBE`, // SEC1 ECPrivateKey (P-521)
      `MI[GH]${B64}AgEAMBMGByqGSM49`, // PKCS#8 EC
      `MC4CAQAwBQYDK2V[wu]`, // PKCS#8 Ed25519 / X25519
      `MEcCAQAwBQYDK2Vx`, // PKCS#8 Ed448
      `b3BlbnNzaC1rZXktdjE`, // openssh-key-v1 body
    ].join("|") +
    // The body may wrap (real or JSON-escaped line breaks) when the next line is all base64 too, not prose.
    `)(?:${B64}|(?:\\\\r\\\\n|\\\\n|\\r?\\n)(?=${B64}{4,}={0,2}(?:\\r?\\n|\\\\[nr]|["']|$)))*={0,2}`,
  "g",
);
const DER_HINT = /MI|MC4C|MEcC|MHcC|b3BlbnNzaC1rZXktdjE/;
/** A bare DER body is at least this long; shorter matches are prefixes of ordinary text. */
const MAY_APPLY_LITERALS = ["MI", "MC4C", "MEcC", "MHcC", "b3BlbnNzaC1rZXktdjE", "AGE-PLUGIN-", "kty", "<RSAKeyValue>"];
const MIN_DER_LENGTH = 40;

const AGE_PLUGIN_IDENTITY = /(?<![A-Za-z0-9])AGE-PLUGIN-[A-Z0-9]{1,32}-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{20,}/g;

/** `"kty"` marks a JWK; its private members are single base64url strings. */
const JWK_PRIVATE_MEMBER = /(\\?"(?:d|p|q|dp|dq|qi|k)\\?"[ \t]*:[ \t]*\\?")([A-Za-z0-9_\-]{8,})(?=\\?")/g;

const RSA_OPEN = "<RSAKeyValue>";
const RSA_CLOSE = "</RSAKeyValue>";
const RSA_PRIVATE_ELEMENT = /(<(P|Q|DP|DQ|InverseQ|D)>)([^<]{1,4096})(<\/\2>)/g;

function redactDerBodies(text: string): string {
  const out = new Splicer(text);
  DER_PRIVATE_KEY.lastIndex = 0;
  for (let m = DER_PRIVATE_KEY.exec(text); m !== null; m = DER_PRIVATE_KEY.exec(text)) {
    const body = m[0];
    if (body.length < MIN_DER_LENGTH) continue;
    out.replace(m.index, m.index + body.length, REDACTED);
  }
  return out.toString();
}

function redactJwkMembers(text: string): string {
  return text.replace(JWK_PRIVATE_MEMBER, (_whole: string, prefix: string) => `${prefix}${REDACTED}`);
}

/** Each `<RSAKeyValue>...</RSAKeyValue>` block once; the close tag is searched once per block, so unclosed blocks stay linear. */
function redactRsaKeyValues(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (let open = text.indexOf(RSA_OPEN); open !== -1; open = text.indexOf(RSA_OPEN, last)) {
    const close = text.indexOf(RSA_CLOSE, open);
    if (close === -1) break;
    const block = text.slice(open, close);
    parts.push(text.slice(last, open), block.replace(RSA_PRIVATE_ELEMENT, (_whole: string, start: string, _name: string, _value: string, end: string) => `${start}${REDACTED}${end}`));
    last = close;
  }
  return parts.length === 0 ? text : parts.join("") + text.slice(last);
}

export function redactPrivateKeyMaterial(text: string): string {
  let result = DER_HINT.test(text) ? redactDerBodies(text) : text;
  if (result.includes("AGE-PLUGIN-")) result = result.replace(AGE_PLUGIN_IDENTITY, REDACTED);
  if (result.includes('kty')) result = redactJwkMembers(result);
  if (result.includes("<RSAKeyValue>")) result = redactRsaKeyValues(result);
  return result;
}

export const privateKeyMaterialRule: RedactionRule = {
  name: "private-key-material",
  // Literal pre-checks (the same words as DER_HINT and the other forms), cheaper than one alternation scan.
  mayApply: (text) => MAY_APPLY_LITERALS.some((literal) => text.includes(literal)),
  apply: redactPrivateKeyMaterial,
};
