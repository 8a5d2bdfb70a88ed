// defineErrorFamily: generated error hierarchies behave like hand-written classes (names, codes, instanceof, sanitizing).
import { describe, expect, expectTypeOf, it } from "vitest";
import { AlertChannelError, FloePluginError, defineErrorFamily, defineErrorKinds } from "../src/plugin-kit/index.js";

type ShopCode = "UNAUTHORIZED" | "NOT_FOUND" | "CONFLICT" | "TIMEOUT" | "HTTP_ERROR";

const family = defineErrorFamily(
  "ShopError",
  {
    ShopAuthError: { code: "UNAUTHORIZED" },
    ShopHttpError: {},
    ShopNotFoundError: { code: "NOT_FOUND", extends: "ShopHttpError" },
    ShopTimeoutError: { code: "TIMEOUT", retryable: true },
  },
  { codes: "" as ShopCode },
);
const { ShopError, ShopAuthError, ShopHttpError, ShopNotFoundError, ShopTimeoutError } = family;
type ShopError = InstanceType<typeof ShopError>;

describe("defineErrorFamily", () => {
  it("builds named classes with the kind's code, the caller's status and cause", () => {
    const cause = new Error("socket hang up");
    const error = new ShopAuthError("token rejected", { status: 401, cause });
    expect(error).toBeInstanceOf(ShopAuthError);
    expect(error).toBeInstanceOf(ShopError);
    expect(error).toBeInstanceOf(FloePluginError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ShopTimeoutError);
    expect(error).toMatchObject({ name: "ShopAuthError", code: "UNAUTHORIZED", status: 401, retryable: false, cause });
    expect(ShopAuthError.name).toBe("ShopAuthError");
    expect(String(error.stack)).toMatch(/^ShopAuthError: token rejected/);
  });

  it("lets a kind refine another and a caller override code and retryable", () => {
    const missing = new ShopNotFoundError("no such order", { status: 404 });
    expect(missing).toBeInstanceOf(ShopHttpError);
    expect(missing).toMatchObject({ name: "ShopNotFoundError", code: "NOT_FOUND" });
    expect(new ShopHttpError("bad gateway", { code: "HTTP_ERROR", status: 502, retryable: true }).retryable).toBe(true);
    expect(new ShopTimeoutError("slow").retryable).toBe(true);
    expect(new ShopTimeoutError("slow", { retryable: false }).retryable).toBe(false);
    expect(new ShopError("conflict", { code: "CONFLICT" })).toMatchObject({ name: "ShopError", code: "CONFLICT", retryable: false });
  });

  it("sanitizes messages and strips the secrets the plugin names, like every kit error", () => {
    const error = new ShopAuthError("login failed for https://bob:hunter2@shop.example/api with key k-123", { secrets: ["k-123"] });
    expect(error.message).not.toContain("hunter2");
    expect(error.message).not.toContain("k-123");
  });

  it("sits on another kit error when asked", () => {
    const { ChatError, ChatTimeoutError } = defineErrorFamily("ChatError", { ChatTimeoutError: { code: "timeout", retryable: true } }, { parent: AlertChannelError });
    const error = new ChatTimeoutError("no answer", { deliveryStatus: "timeout", destination: "chat.example" });
    expect(error).toBeInstanceOf(AlertChannelError);
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ name: "ChatTimeoutError", code: "timeout", destination: "chat.example", attempts: 1, retryable: true });
  });

  it("rejects a kind that refines one declared after it", () => {
    expect(() => defineErrorFamily("BadError", { AError: { extends: "BError" }, BError: {} })).toThrow(/AError extends BError/);
  });

  it("narrows with instanceof, keeping sibling kinds apart", () => {
    const classify = (error: ShopError): string => {
      if (error instanceof ShopAuthError) {
        expectTypeOf(error).toExtend<InstanceType<typeof ShopAuthError>>();
        return "auth";
      }
      if (error instanceof ShopTimeoutError) return "timeout";
      expectTypeOf(error.code).toEqualTypeOf<ShopCode>();
      return error.code;
    };
    expect([new ShopAuthError("a"), new ShopTimeoutError("t"), new ShopNotFoundError("n")].map(classify)).toEqual(["auth", "timeout", "NOT_FOUND"]);
    // @ts-expect-error a kind without a fixed code needs one from the caller
    expect(new ShopHttpError("no code").code).toBeUndefined();
  });
});

describe("defineErrorKinds", () => {
  class MailError extends FloePluginError {
    override name = "MailError";
    declare readonly code: "auth" | "timeout" | "server";
    readonly smtpCode: number | undefined;
    constructor(message: string, options: { code: "auth" | "timeout" | "server"; smtpCode?: number }) {
      super(message, options);
      this.smtpCode = options.smtpCode;
    }
  }
  const { MailAuthError, MailTimeoutError } = defineErrorKinds(MailError, {
    MailAuthError: { code: "auth" },
    MailTimeoutError: { code: "timeout", retryable: true },
  });

  it("adds kinds under a hand-written root, keeping its fields", () => {
    const error = new MailAuthError("535 refused", { smtpCode: 535 });
    expect(error).toBeInstanceOf(MailError);
    expect(error).toMatchObject({ name: "MailAuthError", code: "auth", smtpCode: 535, retryable: false });
    expect(new MailTimeoutError("no greeting")).toMatchObject({ code: "timeout", retryable: true, smtpCode: undefined });
    expectTypeOf(error.smtpCode).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.code).toEqualTypeOf<"auth" | "timeout" | "server">();
  });
});
