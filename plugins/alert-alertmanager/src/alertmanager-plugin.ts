/**
 * `AlertmanagerAlertPlugin`: delivers floe alerts to Prometheus Alertmanager
 * through its v2 API and checks its health endpoints. Every operation runs in
 * an `alert.*` span that says where the alert went (host), what happened
 * (delivery status, HTTP status, error type) and never what the credentials were.
 */
import { AlertChannelPlugin, type Alert, type AlertDeliveryResult, type FloeContext, type HealthStatus } from "@floe/runtime";
import {
  alertTransportErrors,
  checkChannelHealth,
  deliveredResult,
  httpRequestAs,
  parseConfig,
  recordDeliveryFailure,
  type HttpResponse,
} from "@floe/runtime/plugin-kit";
import { alertmanagerConfigSchema, type AlertmanagerConfig, type AlertmanagerConfigInput } from "./config.js";
import { AlertmanagerRejectedError, AlertmanagerTimeoutError, AlertmanagerUnreachableError } from "./errors.js";
import { invalidLabelNames, toPostableAlert } from "./payload.js";
import { assertAlertsAccepted, errorForStatus } from "./responses.js";
import { ATTRIBUTES, alertSpan, tracing } from "./tracing.js";

const CHANNEL = "alertmanager";

export class AlertmanagerAlertPlugin extends tracing.Plugin(AlertChannelPlugin) {
  private readonly config: AlertmanagerConfig;
  private readonly baseUrl: URL;
  /** `host:port` of Alertmanager: what spans and errors name as the destination. */
  readonly destination: string;
  private readonly floeContext: FloeContext | undefined;
  /** Values that must never appear in an error message: the password, the token, the Authorization header. */
  private readonly secrets: readonly string[];
  private readonly authorization: string | undefined;

  constructor(config: AlertmanagerConfigInput) {
    super();
    this.config = parseConfig(this.name, alertmanagerConfigSchema, config, { code: "invalid_config" });
    this.baseUrl = new URL(this.config.url.endsWith("/") ? this.config.url : `${this.config.url}/`);
    this.destination = this.baseUrl.host;
    this.floeContext = this.config.floe;
    const auth = this.config.auth;
    if (auth?.type === "basic") {
      const encoded = Buffer.from(`${auth.username}:${auth.password}`).toString("base64");
      this.authorization = `Basic ${encoded}`;
      this.secrets = [auth.password, encoded];
    } else if (auth?.type === "bearer") {
      this.authorization = `Bearer ${auth.token}`;
      this.secrets = [auth.token];
    } else {
      this.authorization = undefined;
      this.secrets = [];
    }
  }

  async sendAlert(alert: Alert): Promise<AlertDeliveryResult> {
    return alertSpan(
      "sendAlert",
      {
        [ATTRIBUTES.CHANNEL]: CHANNEL,
        [ATTRIBUTES.DESTINATION]: this.destination,
        [ATTRIBUTES.SEVERITY]: alert.severity,
      },
      async (span) => {
        try {
          const invalid = invalidLabelNames(alert);
          if (invalid.length > 0) {
            throw new AlertmanagerRejectedError(
              `sendAlert: label names Alertmanager refuses (expected [a-zA-Z_][a-zA-Z0-9_]*): ${invalid.join(", ")}`,
              { code: "invalid_alert", deliveryStatus: "rejected", destination: this.destination },
            );
          }
          const body = JSON.stringify([toPostableAlert(alert, this.config.defaultLabels)]);
          const response = await this.exchange("POST", "api/v2/alerts", body);
          span.setAttribute(ATTRIBUTES.HTTP_STATUS, response.status);
          assertAlertsAccepted(response, { operation: "sendAlert", destination: this.destination, secrets: this.secrets });
          return deliveredResult(span, ATTRIBUTES, { destination: this.destination, id: alert.id });
        } catch (error) {
          recordDeliveryFailure(span, ATTRIBUTES, error);
          throw error;
        }
      },
      { floe: this.floeContext },
    );
  }

  /** Healthy when both `/-/healthy` (process up) and `/-/ready` (cluster settled, config loaded) answer 200. */
  async healthCheck(): Promise<HealthStatus> {
    return alertSpan(
      "healthCheck",
      { [ATTRIBUTES.CHANNEL]: CHANNEL, [ATTRIBUTES.DESTINATION]: this.destination },
      (span) =>
        checkChannelHealth(span, { destination: this.destination, attributes: ATTRIBUTES, secrets: this.secrets }, async () => {
          for (const path of ["-/healthy", "-/ready"]) {
            const response = await this.exchange("GET", path);
            span.setAttribute(ATTRIBUTES.HTTP_STATUS, response.status);
            if (response.status !== 200) {
              throw errorForStatus(response, { operation: `healthCheck /${path}`, destination: this.destination, secrets: this.secrets });
            }
          }
          return "/-/healthy and /-/ready answered 200";
        }),
      { floe: this.floeContext },
    );
  }

  /** One request to Alertmanager; a timeout or an unreachable host surfaces as this channel's typed error. */
  private exchange(method: "GET" | "POST", path: string, body?: string): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.authorization) headers.authorization = this.authorization;
    return httpRequestAs(
      { method, url: new URL(path, this.baseUrl), headers, body, timeoutMs: this.config.timeoutMs, peer: `Alertmanager at ${this.destination}` },
      alertTransportErrors({ timeout: AlertmanagerTimeoutError, unreachable: AlertmanagerUnreachableError }, this.destination, this.secrets),
    );
  }
}
