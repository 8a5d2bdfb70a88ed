/**
 * A plugin's error hierarchy, declared instead of hand-written: one root
 * class named after the plugin (on FloePluginError, or on another kit error
 * such as AlertChannelError) and one subclass per kind of failure, each with
 * its own `name`, a default `code` and a `retryable` flag. The classes are
 * real classes: `instanceof` works at run time and narrows in TypeScript
 * (sibling kinds are distinct types), and a plugin that needs extra fields
 * extends a generated class.
 *
 *     export const { CubeError, CubeAuthError, CubeTimeoutError } = defineErrorFamily("CubeError", {
 *       CubeAuthError: { code: "UNAUTHORIZED" },
 *       CubeTimeoutError: { code: "TIMEOUT", retryable: true },
 *     });
 *     export type CubeError = InstanceType<typeof CubeError>;
 */
import { FloePluginError, type PluginErrorOptions } from "./errors.js";

/** One kind of failure in a family. */
export interface ErrorKindSpec {
  /** Code of every error of this kind unless the caller passes one; without it the caller must. */
  code?: string;
  /** Whether trying again may succeed (default: the family's, else false). */
  retryable?: boolean;
  /** A kind of the same family, declared before this one, that this kind refines. */
  extends?: string;
}

/** A constructor the family can sit on: `(message, options with code)`. */
export type ErrorParent = new (message: string, options: PluginErrorOptions & any) => FloePluginError;

export interface ErrorFamilyOptions<P extends ErrorParent, C extends string> {
  /** The class the root extends (default FloePluginError). */
  parent?: P;
  /** Default `retryable` of every kind. */
  retryable?: boolean;
  /** Narrows `code` to the family's codes (types only; pass e.g. `"" as MyErrorCode`). */
  codes?: C;
}

/** What every error of a family has besides its parent's fields. */
export interface ErrorFamilyMember<C extends string> {
  readonly code: C;
  /** Whether trying again may succeed. */
  readonly retryable: boolean;
}

type ParentOptions<P> = P extends new (message: string, options: infer O) => unknown ? O : never;
type Details<P, C extends string> = Omit<NonNullable<ParentOptions<P>>, "code"> & { retryable?: boolean; code?: C };
/** A kind needs a code from its caller when it has none of its own and its root requires one. */
type NeedsCode<P, S> = S extends { code: string }
  ? false
  : "code" extends keyof NonNullable<ParentOptions<P>>
    ? undefined extends NonNullable<ParentOptions<P>>["code"]
      ? false
      : true
    : false;

type Ancestors<K, N extends keyof K> = N | (K[N] extends { extends: infer A } ? (A extends keyof K ? A : never) : never);

type RootInstance<P extends ErrorParent, C extends string> = InstanceType<P> & ErrorFamilyMember<C>;
type KindInstance<P extends ErrorParent, C extends string, K, N extends keyof K> = RootInstance<P, C> & {
  /** Type-only (never set): the kinds this error is, which keeps siblings apart so `instanceof` narrows. */
  readonly "~errorKinds": { readonly [A in Ancestors<K, N>]: true };
};

type RootClass<P extends ErrorParent, C extends string> = Omit<P, "prototype"> & {
  new (message: string, options: Details<P, C> & { code: C }): RootInstance<P, C>;
  readonly prototype: RootInstance<P, C>;
};
type KindClass<P extends ErrorParent, C extends string, K, N extends keyof K> = Omit<P, "prototype"> & {
  new (
    message: string,
    ...options: NeedsCode<P, K[N]> extends true ? [options: Details<P, C> & { code: C }] : [options?: Details<P, C>]
  ): KindInstance<P, C, K, N>;
  readonly prototype: KindInstance<P, C, K, N>;
};

export type ErrorKinds<K, P extends ErrorParent, C extends string> = { readonly [N in keyof K & string]: KindClass<P, C, K, N> };

export type ErrorFamily<R extends string, K, P extends ErrorParent, C extends string> = {
  readonly [X in R]: RootClass<P, C>;
} & ErrorKinds<K, P, C>;

type AnyClass = new (message: string, options?: Record<string, unknown>) => FloePluginError & { retryable: boolean };

function named<T extends object>(cls: T, name: string): T {
  Object.defineProperty(cls, "name", { value: name });
  return cls;
}

/** Builds the root `root` and one subclass per entry of `kinds` (in declaration order). */
export function defineErrorFamily<
  const R extends string,
  const K extends Record<string, ErrorKindSpec>,
  P extends ErrorParent = typeof FloePluginError,
  C extends string = string,
>(root: R, kinds: K, options: ErrorFamilyOptions<P, C> = {}): ErrorFamily<R, K, P, C> {
  const Parent = (options.parent ?? FloePluginError) as unknown as new (message: string, options: unknown) => FloePluginError;
  const familyRetryable = options.retryable ?? false;

  const Root = named(
    class extends Parent {
      retryable: boolean;
      constructor(message: string, details: Record<string, unknown> = {}) {
        super(message, details);
        this.name = root;
        this.retryable = typeof details.retryable === "boolean" ? details.retryable : familyRetryable;
      }
    },
    root,
  );

  return { [root]: Root, ...buildKinds(Root as unknown as AnyClass, kinds) } as unknown as ErrorFamily<R, K, P, C>;
}

/**
 * Kinds over a root the plugin writes itself (because it carries fields of
 * its own, e.g. an SMTP reply code); the root's constructor takes
 * `(message, options with code)`.
 */
export function defineErrorKinds<P extends ErrorParent, const K extends Record<string, ErrorKindSpec>>(
  root: P,
  kinds: K,
): ErrorKinds<K, P, InstanceType<P>["code"]> {
  return buildKinds(root as unknown as AnyClass, kinds) as unknown as ErrorKinds<K, P, InstanceType<P>["code"]>;
}

function buildKinds(Root: AnyClass, kinds: Record<string, ErrorKindSpec>): Record<string, AnyClass> {
  const classes: Record<string, AnyClass> = {};
  for (const [kind, spec] of Object.entries(kinds)) {
    if (kind in classes || kind === Root.name) throw new TypeError(`error family ${Root.name}: ${kind} is declared twice`);
    const Base = spec.extends === undefined ? Root : classes[spec.extends];
    if (!Base) throw new TypeError(`error family ${Root.name}: ${kind} extends ${spec.extends}, which is not declared before it`);
    const retryable = spec.retryable;
    classes[kind] = named(
      class extends Base {
        constructor(message: string, details: Record<string, unknown> = {}) {
          super(message, { ...details, code: details.code ?? spec.code });
          this.name = kind;
          if (typeof details.retryable !== "boolean" && retryable !== undefined) this.retryable = retryable;
          else if (typeof this.retryable !== "boolean") this.retryable = false;
        }
      },
      kind,
    );
  }
  return classes;
}
