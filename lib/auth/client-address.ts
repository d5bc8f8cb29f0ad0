// Who is signing in, by network address, for the sign-in throttles. Forwarded headers are only as
// good as whoever wrote them: a client talking to `next start` directly writes its own
// X-Forwarded-For, so it is believed only as far as the operator says proxies add to it
// (GRANTDESK_TRUSTED_PROXY_HOPS), or on Vercel, whose edge replaces it with the client's address.
import { isIP } from "node:net";
import { PEER_ADDRESS_HEADER, peerAddressesRecorded } from "./peer-address";

export type ProxyTrust = {
  /** How many proxies in front of the server append the address they received from. */
  trustedProxyHops: number;
  onVercel: boolean;
};

/**
 * The address chain, nearest last: X-Forwarded-For's entries, then (self-hosted) the socket's
 * peer. Each trusted proxy appended the address it was connected from, so with N of them the
 * client is the entry N places left of the peer; entries further left are the client's own say.
 */
export function clientAddress(headers: Headers, trust: ProxyTrust): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  let chain: string[];
  if (trust.onVercel) chain = forwarded;
  else {
    const peer = peerAddressesRecorded() ? headers.get(PEER_ADDRESS_HEADER) : null;
    if (!peer) return null;
    chain = [...forwarded, peer];
  }
  // Fewer entries than trusted hops: the farthest one we have is the best there is.
  const entry = chain[Math.max(0, chain.length - 1 - trust.trustedProxyHops)];
  return entry ? addressKey(entry) : null;
}

/**
 * One key per party: IPv4 as it is (an IPv4-mapped IPv6 address is its IPv4 one), IPv6 by its
 * /64, the smallest block a provider hands one customer, who could otherwise step through 2^64
 * addresses. Not an IP address at all (a forged header): kept as text, bounded in length.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) === 6) return `${expandIpv6(bare).slice(0, 4).join(":")}::/64`;
  return `other:${address.slice(0, 64)}`;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array(missing).fill("0"), ...right];
  return groups.map((group) => group.replace(/^0+(?=.)/, ""));
}
