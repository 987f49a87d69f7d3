// Who the client is, for the per-address rate limits: never an address the client can choose.
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  normalizeAddress,
  parseTrustedProxies,
  requestClientAddress,
  SOCKET_ADDRESS_HEADER,
  trustSocketAddressHeader,
} from "@/lib/http/client-address";

const hops = (n: number) => ({ hops: n, proxies: null });
const list = (...entries: string[]) => ({ hops: 0, proxies: parseTrustedProxies(entries) });

describe("client address", () => {
  it("is the socket's address by default: X-Forwarded-For is ignored", () => {
    expect(clientAddress("6.6.6.6", "203.0.113.9", hops(0))).toBe("203.0.113.9");
    expect(clientAddress(null, "::ffff:203.0.113.9", hops(0))).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6", undefined, hops(0))).toBe("unknown");
  });

  it("with N trusted hops, is the N-th X-Forwarded-For entry from the right, whatever the client prepended", () => {
    // nginx: "$proxy_add_x_forwarded_for" appends the address it saw.
    expect(clientAddress("203.0.113.9", "10.0.0.2", hops(1))).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 7.7.7.7, 203.0.113.9", "10.0.0.2", hops(1))).toBe("203.0.113.9");
    // A load balancer, then nginx: the balancer appended the client, nginx the balancer.
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.1", "10.0.0.2", hops(2))).toBe("203.0.113.9");
    // A request that skipped a proxy has fewer entries: the left-most there is.
    expect(clientAddress("203.0.113.9", "10.0.0.2", hops(2))).toBe("203.0.113.9");
    expect(clientAddress(null, "10.0.0.2", hops(1))).toBe("10.0.0.2");
    // Serverless (no socket address known): the platform's own header.
    expect(clientAddress("203.0.113.9", undefined, hops(1))).toBe("203.0.113.9");
  });

  it("with a trusted-proxy list, is the right-most address that is not a trusted proxy", () => {
    const trust = list("10.0.0.0/8", "192.168.1.7", "fd00::/8");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.1.2.3", "192.168.1.7", trust)).toBe("203.0.113.9");
    // Straight from the client (the socket is no proxy): its forged header says nothing.
    expect(clientAddress("10.9.9.9, 6.6.6.6", "198.51.100.4", trust)).toBe("198.51.100.4");
    expect(clientAddress("2001:db8::1, fd00::5", "[fd00::6]:443", trust)).toBe("2001:db8::1");
    // Every hop trusted: the left-most.
    expect(clientAddress("10.0.0.9", "10.0.0.1", trust)).toBe("10.0.0.9");
    expect(clientAddress(null, "10.0.0.1", trust)).toBe("10.0.0.1");
  });

  it("turns garbage into one bucket and normalises ports, brackets and IPv4-mapped IPv6", () => {
    expect(clientAddress("not-an-ip, <script>", "10.0.0.2", hops(1))).toBe("invalid");
    expect(clientAddress("x".repeat(10_000), "10.0.0.2", hops(1))).toBe("invalid");
    expect(normalizeAddress(" 203.0.113.9:5555 ")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:80")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("unknown")).toBeNull();
  });

  it("refuses a trusted-proxy entry that is no address or CIDR", () => {
    expect(() => parseTrustedProxies(["10.0.0.0/33"])).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustedProxies(["nginx"])).toThrow(/nginx/);
    expect(() => parseTrustedProxies(["1.2.3.4/8/1"])).toThrow();
  });

  it("through Next, reads the socket's address only from the production server's header", () => {
    // Marked trusted as server.ts does at start: the header, never X-Forwarded-For, decides.
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", [SOCKET_ADDRESS_HEADER]: "203.0.113.9" });
    trustSocketAddressHeader();
    expect(requestClientAddress(headers)).toBe("203.0.113.9");
    expect(requestClientAddress({ "x-forwarded-for": "6.6.6.6", [SOCKET_ADDRESS_HEADER]: ["203.0.113.9"] })).toBe("203.0.113.9");
    trustSocketAddressHeader(false);
    // Without server.ts (next dev, serverless) nobody vouches for it.
    expect(requestClientAddress(headers)).toBe("unknown");
    trustSocketAddressHeader();
  });
});
