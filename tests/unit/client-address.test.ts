import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, type ProxyTrust } from "@/lib/auth/client-address";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/auth/peer-address";

const selfHosted = (trustedProxyHops: number): ProxyTrust => ({
  trustedProxyHops,
  onVercel: false,
});
const headers = (peer: string | null, forwardedFor?: string) =>
  new Headers({
    ...(peer === null ? {} : { [PEER_ADDRESS_HEADER]: peer }),
    ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
  });

describe("the client address", () => {
  it("is nobody's before the server records the connection's peer", () => {
    expect(clientAddress(headers("198.51.100.1"), selfHosted(0))).toBeNull();
  });

  it.each([
    // [trusted hops, X-Forwarded-For as it reaches the route, socket peer, the client]
    [0, undefined, "198.51.100.1", "198.51.100.1"],
    [0, "203.0.113.9", "198.51.100.1", "198.51.100.1"],
    [0, "203.0.113.9, 203.0.113.10", "198.51.100.1", "198.51.100.1"],
    // Next sets X-Forwarded-For to the peer when the request had none.
    [0, "198.51.100.1", "198.51.100.1", "198.51.100.1"],
    // One proxy (10.0.0.5) appended the address it was connected from.
    [1, "forged, 203.0.113.9", "10.0.0.5", "203.0.113.9"],
    [1, "203.0.113.9", "10.0.0.5", "203.0.113.9"],
    // Two proxies: a CDN appended the client, the load balancer appended the CDN.
    [2, "forged, 203.0.113.9, 192.0.2.44", "10.0.0.5", "203.0.113.9"],
    // Fewer entries than hops (a misconfiguration): the farthest one there is.
    [3, "203.0.113.9", "10.0.0.5", "203.0.113.9"],
  ])("hops %i, X-Forwarded-For %s, peer %s → %s", (hops, forwarded, peer, expected) => {
    recordPeerAddresses();
    expect(clientAddress(headers(peer, forwarded), selfHosted(hops))).toBe(expected);
  });

  it("is unknown without a recorded peer, whatever the headers say", () => {
    recordPeerAddresses();
    expect(clientAddress(headers(null, "203.0.113.9"), selfHosted(0))).toBeNull();
    expect(clientAddress(headers("", "203.0.113.9"), selfHosted(0))).toBeNull();
  });

  it("on Vercel is the address its edge wrote, and the peer is ignored", () => {
    const vercel = { trustedProxyHops: 0, onVercel: true };
    expect(clientAddress(headers("10.1.2.3", "203.0.113.9"), vercel)).toBe("203.0.113.9");
    expect(clientAddress(headers(null), vercel)).toBeNull();
  });
});

describe("address keys", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["[2001:db8:1:2::1]:443", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["not an address", "other:not an address"],
  ])("%s → %s", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it("bounds what a forged header can store", () => {
    expect(addressKey("x".repeat(1000))).toHaveLength("other:".length + 64);
  });
});
