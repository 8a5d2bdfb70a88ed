/** CIDR parsing for IPv4 and IPv6 blocks, and the "whole internet" blocks that need explicit permission. */
import net from "node:net";

export const OPEN_CIDRS: ReadonlySet<string> = new Set(["0.0.0.0/0", "::/0"]);

export function isValidCidr(cidr: string): boolean {
  const slash = cidr.lastIndexOf("/");
  if (slash < 0) return false;
  const address = cidr.slice(0, slash);
  const prefix = cidr.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const version = net.isIP(address);
  if (version === 0) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

export function isOpenCidr(cidr: string): boolean {
  return OPEN_CIDRS.has(cidr.trim());
}
