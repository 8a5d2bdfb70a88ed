/**
 * Local validation of access tokens against the provider's JWKS with `jose`:
 * signature, issuer, audience, expiry and not-before. A token that fails a
 * check yields a verdict (`{ valid: false, reason }`); only an unreachable
 * or unusable JWKS is an error, because then no verdict is possible.
 */
import type { TokenInvalidReason, TokenValidation } from "@floe/runtime";
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { KeycloakJwksError } from "./errors.js";

export interface ValidatorOptions {
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  timeoutMs: number;
}

export class TokenValidator {
  private jwks: { uri: string; getKey: JWTVerifyGetKey } | undefined;

  constructor(private readonly options: ValidatorOptions) {}

  async validate(token: string, jwksUri: string): Promise<TokenValidation> {
    if (this.jwks?.uri !== jwksUri) {
      this.jwks = { uri: jwksUri, getKey: createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: this.options.timeoutMs }) };
    }
    try {
      const { payload } = await jwtVerify(token, this.jwks.getKey, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds,
      });
      return {
        valid: true,
        ...(typeof payload.sub === "string" ? { subject: payload.sub } : {}),
        claims: { ...payload },
        ...(typeof payload.exp === "number" ? { expiresAt: new Date(payload.exp * 1000) } : {}),
      };
    } catch (error) {
      const reason = invalidReason(error);
      if (reason) return { valid: false, reason };
      throw new KeycloakJwksError(`JWKS ${new URL(jwksUri).pathname} unavailable, no verdict on the token (${describe(error)})`, {
        secrets: [token],
        cause: error,
      });
    }
  }
}

/** The verdict for a jose error, or undefined when the error says nothing about the token. */
function invalidReason(error: unknown): TokenInvalidReason | undefined {
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "wrong_issuer";
    if (error.claim === "aud") return "wrong_audience";
    if (error.claim === "nbf") return "not_yet_valid";
    return "invalid_claims";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "invalid_signature";
  if (error instanceof errors.JWKSNoMatchingKey) return "unknown_key";
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported
  ) {
    return "malformed";
  }
  return undefined;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  return [typeof code === "string" ? code : undefined, typeof message === "string" ? message : undefined]
    .filter(Boolean)
    .join(": ") || "unknown error";
}
