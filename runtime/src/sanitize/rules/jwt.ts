/**
 * JSON Web Tokens (and JWE/nested forms): `eyJ<header>.eyJ<payload>.<sig>`,
 * recognisable without a key because every JSON object header base64url-
 * encodes to `eyJ`. The whole token goes: the payload carries claims and
 * the signature is the bearer credential.
 */
import { REDACTED } from "../marker.js";
import type { RedactionRule } from "./rule.js";

const JWT = /(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}(?:\.[A-Za-z0-9_\-]*)*/g;

export const jwtRule: RedactionRule = {
  name: "jwt",
  mayApply: (text) => text.includes("eyJ"),
  apply: (text) => text.replace(JWT, REDACTED),
};
