/**
 * Schemas for the plugin options and the floe network config (namespaces
 * with their egress CIDRs, the platform services jobs may reach, where DNS
 * runs), validated with zod. An open CIDR (`0.0.0.0/0`, `::/0`) is accepted
 * only for a namespace that sets `allowInternetEgress`.
 */
import { describeExpectation, floeContextSchema, parseConfig, type SafeParseSchema } from "@floe/runtime/plugin-kit";
import { z } from "zod";
import { isOpenCidr, isValidCidr } from "./cidr.js";
import type { NetworkSecurityErrorCode } from "./errors.js";

const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63);
const labelKey = z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/);
const labelValue = z.string().regex(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/).max(63);
const labels = z.record(labelKey, labelValue);
const cidr = z.string().refine(isValidCidr, { message: "expected an IPv4 or IPv6 CIDR block" });

export const portSchema = z.object({
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(["TCP", "UDP", "SCTP"]).default("TCP"),
});

export const egressCidrSchema = z.object({
  cidr,
  except: z.array(cidr).optional(),
  /** Restrict to these ports; all ports when omitted. */
  ports: z.array(portSchema).optional(),
});

export const namespaceSchema = z
  .object({
    name: dnsLabel,
    egressCidrs: z.array(egressCidrSchema).default([]),
    /** Permit an open CIDR (`0.0.0.0/0`, `::/0`) in `egressCidrs`. */
    allowInternetEgress: z.boolean().default(false),
  })
  .superRefine((ns, ctx) => {
    ns.egressCidrs.forEach((block, index) => {
      if (isOpenCidr(block.cidr) && !ns.allowInternetEgress) {
        ctx.addIssue({ code: "custom", path: ["egressCidrs", index, "cidr"], message: "an open CIDR requires allowInternetEgress: true" });
      }
    });
  });

export const platformServiceSchema = z.object({
  /** Service name, e.g. `polaris`. */
  name: dnsLabel,
  namespace: dnsLabel,
  /** Labels of the service's pods. */
  podSelector: labels.refine((l) => Object.keys(l).length > 0, { message: "expected at least one label" }),
  ports: z.array(portSchema).min(1),
});

export const networkConfigSchema = z.object({
  /** Namespaces to lock down (each gets default-deny plus the allows). */
  namespaces: z.array(namespaceSchema).min(1),
  /** Services every namespace may reach (and that accept traffic from the configured namespaces). */
  platformServices: z.array(platformServiceSchema).default([]),
  dns: z
    .object({ namespace: dnsLabel, podSelector: labels })
    .default({ namespace: "kube-system", podSelector: { "k8s-app": "kube-dns" } }),
  labels: labels.default({}),
});

export const pluginOptionsSchema = z.object({
  labels: labels.default({ "app.kubernetes.io/managed-by": "floe" }),
  floe: floeContextSchema.optional(),
});

export type PortSpec = z.output<typeof portSchema>;
export type NetworkConfigInput = z.input<typeof networkConfigSchema>;
export type NetworkConfig = z.output<typeof networkConfigSchema>;
export type PlatformService = z.output<typeof platformServiceSchema>;
export type NetworkPluginOptionsInput = z.input<typeof pluginOptionsSchema>;
export type NetworkPluginOptions = z.output<typeof pluginOptionsSchema>;

const WORDING = { regex: "a valid Kubernetes name or label", invalid_key: "a valid label key" };

/** Validates one input (`what`: "floe network" names it "invalid floe network config") or throws the kit's ConfigError. */
export function parseWith<T>(schema: SafeParseSchema<T>, input: unknown, what: string, code?: NetworkSecurityErrorCode): T {
  return parseConfig(what, schema, input, { describe: (issue) => describeExpectation(issue, WORDING), code });
}
