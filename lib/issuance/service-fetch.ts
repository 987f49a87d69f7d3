import { lookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, fetch, type RequestInit, type Response } from "undici";
import { env } from "@/lib/env";
import { isPrivateAddress } from "./private-address";

/** The service's address is one this server must not call (see private-address.ts). */
export class RefusedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`refused to call ${host}: ${address} is a loopback, private or link-local address`);
    this.name = "RefusedAddressError";
  }
}

/** The refusal in `error` or what it wraps (fetch reports connection errors as its cause), if any. */
export function refusalIn(error: unknown): RefusedAddressError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof RefusedAddressError) return e;
  }
  return undefined;
}

// Resolves the host and refuses it if ANY of its addresses is private; otherwise the socket
// connects to exactly the addresses checked here. Checking in the connection's own lookup, not
// in a separate one before the request, leaves no gap for DNS rebinding (a second answer that
// points inward).
const checkedLookup: LookupFunction = (host, options, callback) => {
  lookup(host, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const inward = addresses.find((a) => isPrivateAddress(a.address));
    if (inward || addresses.length === 0) return callback(new RefusedAddressError(host, inward?.address ?? "no address"), "");
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

const guarded = new Agent({ connect: { lookup: checkedLookup } });

/**
 * fetch for the services a promotion names (coupon service, eligibility validator): redirects
 * are never followed (a 3xx is the answer, and the caller treats it as a failure), and private
 * addresses are refused unless ALLOW_PRIVATE_SERVICE_URLS=true. Rejects with a
 * RefusedAddressError (possibly as the cause) for a refused address.
 */
export async function serviceFetch(
  url: string,
  init: Omit<RequestInit, "redirect" | "dispatcher">,
  allowPrivate: boolean = env.ALLOW_PRIVATE_SERVICE_URLS,
): Promise<Response> {
  if (allowPrivate) return fetch(url, { ...init, redirect: "manual" });
  // A literal IP in the URL is connected to without any lookup: check it here.
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) && isPrivateAddress(host)) throw new RefusedAddressError(host, host);
  return fetch(url, { ...init, redirect: "manual", dispatcher: guarded });
}
