/**
 * Type-aware confirmation that a receiver is an OpenTelemetry `Span`, used
 * when a rule runs with `requireSpanType: true` (the
 * `recommended-type-checked` config): an unrelated class with its own
 * `recordException` or `setStatus` is then left alone.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { SPAN_MEMBERS } from "@floe/runtime/conventions";
import type * as ts from "typescript";
import { typeServices } from "./type-services.js";
import { typescript } from "./typescript.js";
import type { AnyContext } from "./create-rule.js";

/** The `TypeFlags` bits the check needs, from the installed TypeScript (6.0 renumbered them). */
interface SpanTypeFlags {
  /** `any | unknown | never` (an error type is `any` too): receivers that prove nothing. */
  readonly unprovable: number;
  /** `null | undefined | void`: the absent members of `Span | undefined`. */
  readonly nullish: number;
}

let cachedFlags: SpanTypeFlags | undefined;

function spanTypeFlags(): SpanTypeFlags {
  if (!cachedFlags) {
    const { TypeFlags } = typescript();
    cachedFlags = {
      unprovable: TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never,
      nullish: TypeFlags.Null | TypeFlags.Undefined | TypeFlags.Void,
    };
  }
  return cachedFlags;
}

function declaredInOpenTelemetry(symbol: ts.Symbol | undefined): boolean {
  return (symbol?.declarations ?? []).some((d) => /[\\/]@opentelemetry[\\/]/.test(d.getSourceFile().fileName));
}

function isSpanType(type: ts.Type, flags: SpanTypeFlags): boolean {
  if (type.flags & flags.unprovable) return false;
  if (type.isUnion()) {
    const present = type.types.filter((t) => !(t.flags & flags.nullish));
    return present.length > 0 && present.every((t) => isSpanType(t, flags));
  }
  if (type.isIntersection()) return type.types.some((t) => isSpanType(t, flags));
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol?.getName() === "Span" && declaredInOpenTelemetry(symbol)) return true;
  return SPAN_MEMBERS.every((member) => type.getProperty(member) !== undefined);
}

/**
 * Whether the rule should treat `receiver` as a span: always without `requireSpanType` or
 * without type information (syntactic mode); otherwise only when the checker confirms it.
 */
export function receiverCountsAsSpan(context: AnyContext, receiver: TSESTree.Node, requireSpanType: boolean): boolean {
  if (!requireSpanType) return true;
  const services = typeServices(context);
  if (!services) return true;
  return isSpanType(services.getTypeAtLocation(receiver), spanTypeFlags());
}

/** Rule option shared by the span rules. */
export interface SpanTypeOptions {
  requireSpanType?: boolean;
}

export const SPAN_TYPE_OPTIONS_SCHEMA = [
  {
    type: "object",
    properties: {
      requireSpanType: {
        type: "boolean",
        description: "With type information, only report receivers the type checker confirms are OpenTelemetry Spans.",
      },
    },
    additionalProperties: false,
  },
] as const;
