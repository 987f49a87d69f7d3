import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "@/lib/issuance/private-address";

describe("addresses a promotion's services may not reach", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private 10/8"],
    ["10.255.255.255", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.255", "private 172.16/12"],
    ["192.168.1.1", "private 192.168/16"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["0:0:0:0:0:0:0:1", "IPv6 loopback, long form"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["fe80::1", "IPv6 link-local"],
    ["fe80::1%eth0", "IPv6 link-local with a zone"],
    ["febf:ffff::1", "IPv6 link-local, top of the range"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex"],
    ["0:0:0:0:0:ffff:10.0.0.1", "IPv4-mapped private, long form"],
    ["::FFFF:C0A8:0101", "IPv4-mapped private, upper case"],
    ["::ffff:169.254.169.254", "IPv4-mapped link-local"],
    ["::ffff:0.0.0.0", "IPv4-mapped unspecified"],
    ["localhost", "not an address"],
    ["", "not an address"],
  ])("refuses %s (%s)", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["11.0.0.1"],
    ["172.15.255.255"],
    ["172.32.0.0"],
    ["100.63.255.255"],
    ["100.128.0.0"],
    ["192.167.255.255"],
    ["192.169.0.1"],
    ["169.253.255.255"],
    ["169.255.0.1"],
    ["2606:4700:4700::1111"],
    ["2001:db8::1"],
    ["fbff::1"],
    ["fec0::1"],
    ["::ffff:8.8.8.8"],
    ["::ffff:808:808"],
  ])("allows %s", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});
