import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

// Who is the client? The per-address rate limits (claims; sign-up and sign-in throttles) count by
// it, so it must be an address the client cannot choose. X-Forwarded-For is a list anyone can
// start: each proxy appends the address it received the request from, so only the entries that
// trusted proxies appended say anything. The client is the right-most address no trusted hop added.
//
// - TRUSTED_PROXY_HOPS=N (default 0): N proxies in front of the server, each appending. 0: the
//   socket's address, X-Forwarded-For ignored. N: the N-th entry from the right.
// - TRUSTED_PROXIES=addresses/CIDRs (takes precedence): walking from the socket's address leftwards
//   through X-Forwarded-For, the first address that is not a trusted proxy.

/**
 * The header through which the production server (server.ts) hands the socket's address to the
 * requests it passes to Next, which has no other way to tell it to a route handler. server.ts
 * overwrites whatever a client sent in it; elsewhere (`next dev`, serverless) nothing vouches
 * for it, so it is read only once server.ts has called trustSocketAddressHeader().
 */
export const SOCKET_ADDRESS_HEADER = "x-coupon-socket-address";

const flags = () => processState("http/client-address:flags", () => ({ socketHeaderTrusted: false }));

/** Called by the production server once it sets SOCKET_ADDRESS_HEADER on every request it hands to Next. */
export function trustSocketAddressHeader(trusted = true): void {
  flags().socketHeaderTrusted = trusted;
}

export const socketAddressHeaderTrusted = () => flags().socketHeaderTrusted;

export interface ProxyTrust {
  hops: number;
  /** Trusted proxy addresses; when set, `hops` is not used. */
  proxies: BlockList | null;
}

/** "10.0.0.0/8, 192.168.1.7, fd00::/8" as a BlockList; throws naming a bad entry. */
export function parseTrustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

function configuredTrust(): ProxyTrust {
  return processState("http/client-address:trust", () => ({
    hops: env.TRUSTED_PROXY_HOPS,
    proxies: env.TRUSTED_PROXIES?.length ? parseTrustedProxies(env.TRUSTED_PROXIES) : null,
  }));
}

/** An address as written in a header or by the socket, without port or brackets; IPv4-mapped IPv6 as IPv4. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

function trusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: see the top of this file. Anything that is not an address (a garbled
 * header entry) becomes "invalid", so it shares one rate-limit bucket instead of minting new ones.
 * With no socket address known (`next dev`, serverless) and no trusted hop, "unknown".
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  socketAddress: string | null | undefined,
  trust: ProxyTrust = configuredTrust(),
): string {
  const socket = socketAddress ? (normalizeAddress(socketAddress) ?? "invalid") : null;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => normalizeAddress(entry) ?? "invalid");
  if (trust.proxies) {
    // Without a socket address (a deployment without server.ts) the hop that called us is a trusted proxy by configuration.
    const chain = socket ? [...forwarded, socket] : forwarded;
    for (let i = chain.length - 1; i >= 0; i--) if (!trusted(trust.proxies, chain[i])) return chain[i];
    return chain[0] ?? "unknown";
  }
  if (trust.hops === 0) return socket ?? "unknown";
  // Fewer entries than hops: the request skipped a proxy; the left-most entry is the best there is.
  return forwarded[Math.max(0, forwarded.length - trust.hops)] ?? socket ?? "unknown";
}

/** Anything that has request headers: a web Request's Headers, a node/next-auth header record, or an ApiRequest. */
export type HeaderSource =
  { get(name: string): string | null } | { header(name: string): string | null } | Record<string, string | string[] | undefined>;

function headerOf(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(n: string): string | null }).get(name);
  if (typeof (source as { header?: unknown }).header === "function") {
    return (source as { header(n: string): string | null }).header(name);
  }
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The client address of a request that came through Next (a route handler, next-auth's
 * authorize): X-Forwarded-For per the trust settings, and the socket address that server.ts
 * vouches for. The fast lane, which holds the socket itself, uses clientAddress directly.
 */
export function requestClientAddress(headers: HeaderSource): string {
  const socket = socketAddressHeaderTrusted() ? headerOf(headers, SOCKET_ADDRESS_HEADER) : null;
  return clientAddress(headerOf(headers, "x-forwarded-for"), socket);
}
