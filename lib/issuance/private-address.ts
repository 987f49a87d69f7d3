import { BlockList, isIP } from "node:net";

// Addresses a call to a promotion's external service must never reach: this machine and the
// networks behind it. Admins type those URLs, and a URL pointing inward would let them make the
// server talk to its own database, metadata endpoint or admin ports (SSRF).
const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 itself reaches localhost on Linux
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata endpoints
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  refused.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
] as const) {
  refused.addSubnet(network, prefix, "ipv6");
}

// The WHATWG URL parser writes IPv6 in one canonical form, an IPv4-mapped one as ::ffff:XXXX:XXXX.
const MAPPED = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/;

/** The IPv4 address an IPv4-mapped IPv6 address (::ffff:a.b.c.d, in any spelling) stands for. */
function mappedIPv4(ipv6: string): string | null {
  const match = MAPPED.exec(new URL(`http://[${ipv6}]/`).hostname);
  if (!match) return null;
  const word = (hex: string) => parseInt(hex, 16);
  const [high, low] = [word(match[1]), word(match[2])];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/**
 * True for loopback, private, carrier-grade NAT, link-local and unspecified addresses, IPv4 or
 * IPv6, IPv4-mapped IPv6 included. Anything that is not an IP address counts as refused too:
 * when in doubt, do not connect.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/%.*$/, ""); // an IPv6 zone ("fe80::1%eth0") names an interface, not an address
  switch (isIP(ip)) {
    case 4:
      return refused.check(ip, "ipv4");
    case 6: {
      const ipv4 = mappedIPv4(ip);
      return ipv4 ? refused.check(ipv4, "ipv4") : refused.check(ip, "ipv6");
    }
    default:
      return true;
  }
}
