/**
 * JSON Web Tokens (and JWE/nested forms): `eyJ<header>.eyJ<payload>.<sig>`,
 * recognisable without a key because every JSON object header base64url-
 * encodes to `eyJ`. The whole token goes: the payload carries claims and
 * the signature is the bearer credential. A JWT that was base64-encoded
 * once more (Kubernetes secrets, `.dockerconfigjson`, env dumps) begins
 * `ZXlK` (the base64 of `eyJ`); it goes when it decodes to a JWT.
 */
import { REDACTED } from "../marker.js";
import type { RedactionRule } from "./rule.js";

const JWT = /(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}(?:\.[A-Za-z0-9_\-]*)*/g;
const BASE64_JWT = /(?<![A-Za-z0-9+/])ZXlK[A-Za-z0-9+/]{16,}={0,2}/g;
const DECODED_JWT = /^eyJ[A-Za-z0-9_\-]{2,}\.eyJ/;

function decodesToJwt(token: string): boolean {
  try {
    // Only the start matters (header, then `.eyJ`): decode a bounded prefix whose length is a multiple of 4.
    const body = token.replace(/=+$/, "");
    return DECODED_JWT.test(atob(body.slice(0, Math.min(1024, body.length - (body.length % 4)))));
  } catch {
    return false;
  }
}

export const jwtRule: RedactionRule = {
  name: "jwt",
  mayApply: (text) => text.includes("eyJ") || text.includes("ZXlK"),
  apply: (text) => {
    const plain = text.includes("eyJ") ? text.replace(JWT, REDACTED) : text;
    return plain.includes("ZXlK") ? plain.replace(BASE64_JWT, (token: string) => (decodesToJwt(token) ? REDACTED : token)) : plain;
  },
};
