/**
 * What every ALERT_CHANNEL plugin does around a delivery, in one place: a
 * typed error carrying the delivery status and a destination safe to log, an
 * HTTP failure read as a delivery status, the result of a delivered alert, the
 * failure recorded on the `alert.*` span, and a health check that reports an
 * unhealthy peer instead of throwing.
 */
import type { Span } from "@opentelemetry/api";
import type { AlertDeliveryResult, AlertDeliveryStatus, HealthStatus } from "../contracts/alert-channel.js";
import { redactKnownSecrets } from "../sanitize/known-secrets.js";
import { FloePluginError, type PluginErrorOptions } from "./errors.js";
import type { HttpFailureKind, TransportErrorFactories } from "./http-failures.js";

export interface AlertChannelErrorOptions extends PluginErrorOptions {
  deliveryStatus: AlertDeliveryStatus;
  /** Host, `host:port` or channel name: never a URL that may carry a token. */
  destination: string;
  /** Delivery attempts made before giving up (default 1). */
  attempts?: number;
}

/** The base of an alert channel's typed errors: where (`destination`) and what it meant (`deliveryStatus`). */
export class AlertChannelError extends FloePluginError {
  override name = "AlertChannelError";
  readonly deliveryStatus: AlertDeliveryStatus;
  readonly destination: string;
  /** Attempts made before giving up; a retrying channel sets it when it stops. */
  attempts: number;

  constructor(message: string, options: AlertChannelErrorOptions) {
    super(message, options);
    this.deliveryStatus = options.deliveryStatus;
    this.destination = options.destination;
    this.attempts = options.attempts ?? 1;
  }
}

/** A channel's transport error class: its constructor accepts the `timeout` / `unreachable` code. */
export type AlertTransportErrorClass = new (
  message: string,
  options: AlertChannelErrorOptions & { code: "timeout" | "unreachable" },
) => AlertChannelError;

/**
 * For `httpRequestAs`: the kit's timeout and unreachable errors as the channel's
 * classes (codes and delivery statuses `timeout`, `unreachable`), the message
 * stripped of `secrets` (a token-bearing URL path).
 */
export function alertTransportErrors(
  classes: { timeout: AlertTransportErrorClass; unreachable: AlertTransportErrorClass },
  destination: string,
  secrets: readonly string[] = [],
): TransportErrorFactories {
  return {
    timeout: (cause) => new classes.timeout(cause.message, { code: "timeout", deliveryStatus: "timeout", destination, secrets, cause }),
    unreachable: (cause) =>
      new classes.unreachable(cause.message, { code: "unreachable", deliveryStatus: "unreachable", destination, secrets, cause }),
  };
}

const DELIVERY_STATUS_BY_KIND: Readonly<Record<HttpFailureKind, AlertDeliveryStatus>> = {
  redirect: "failed",
  unauthorized: "rejected",
  not_found: "rejected",
  rate_limited: "rate_limited",
  server_error: "failed",
  rejected: "rejected",
};

/** The delivery status an HTTP failure means: refused (4xx), rate limited (429) or failed (5xx, a redirect). */
export function deliveryStatusFor(kind: HttpFailureKind): AlertDeliveryStatus {
  return DELIVERY_STATUS_BY_KIND[kind];
}

/** The span attribute names a channel's generated `tracing.ts` declares (`ATTRIBUTES`). */
export interface AlertSpanAttributeNames {
  readonly DELIVERY_STATUS: string;
  readonly ERROR_TYPE: string;
  readonly HTTP_STATUS?: string;
  readonly ATTEMPTS?: string;
  readonly HEALTHY?: string;
}

/** Marks the span delivered and returns the channel's result. */
export function deliveredResult(
  span: Span,
  attributes: AlertSpanAttributeNames,
  delivery: { destination: string; attempts?: number; id?: string },
): AlertDeliveryResult {
  span.setAttribute(attributes.DELIVERY_STATUS, "delivered");
  return { delivered: true, status: "delivered", destination: delivery.destination, attempts: delivery.attempts ?? 1, id: delivery.id };
}

/** Where and why on the span (delivery status, error type, HTTP status, attempts), before the span helper records the sanitized error. */
export function recordDeliveryFailure(span: Span, attributes: AlertSpanAttributeNames, error: unknown): void {
  if (error instanceof AlertChannelError) {
    span.setAttribute(attributes.DELIVERY_STATUS, error.deliveryStatus);
    span.setAttribute(attributes.ERROR_TYPE, error.code);
    if (attributes.ATTEMPTS) span.setAttribute(attributes.ATTEMPTS, error.attempts);
    if (attributes.HTTP_STATUS && error.status !== undefined) span.setAttribute(attributes.HTTP_STATUS, error.status);
  } else {
    span.setAttribute(attributes.DELIVERY_STATUS, "failed");
    span.setAttribute(attributes.ERROR_TYPE, error instanceof Error ? error.name : "unknown");
  }
}

export interface ChannelHealthOptions {
  destination: string;
  attributes: AlertSpanAttributeNames & { readonly HEALTHY: string };
  /** Values the detail must never carry (already stripped from typed errors; defence in depth). */
  secrets?: readonly string[];
  /** Records what else the channel knows about the failure (an SMTP reply code). */
  onUnhealthy?: (error: AlertChannelError) => void;
}

/**
 * Runs the channel's probe (resolving with what was checked): healthy when it
 * resolves, unhealthy (error type, HTTP status, sanitized detail) when it throws
 * an AlertChannelError; anything else is a bug and is rethrown.
 */
export async function checkChannelHealth(
  span: Span,
  options: ChannelHealthOptions,
  probe: () => Promise<string>,
): Promise<HealthStatus> {
  const { destination, attributes } = options;
  let status: HealthStatus;
  try {
    status = { healthy: true, destination, detail: await probe() };
  } catch (error) {
    if (!(error instanceof AlertChannelError)) throw error;
    span.setAttribute(attributes.ERROR_TYPE, error.code);
    if (attributes.HTTP_STATUS && error.status !== undefined) span.setAttribute(attributes.HTTP_STATUS, error.status);
    options.onUnhealthy?.(error);
    status = { healthy: false, destination, detail: redactKnownSecrets(error.message, options.secrets ?? []) };
  }
  span.setAttribute(attributes.HEALTHY, status.healthy);
  return status;
}
