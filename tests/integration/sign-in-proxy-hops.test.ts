// Behind one trusted proxy (GRANTDESK_TRUSTED_PROXY_HOPS=1): the throttle keys the address that
// proxy appended to X-Forwarded-For, and ignores what the client wrote before it.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createHashGate, replaceHashGate } from "@/lib/auth/hash-gate";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/auth/peer-address";
import { ATTEMPT_LIMITS } from "@/lib/auth/sign-in-limits";
import { getDb } from "@/lib/db";
import { authRequest, makeUser } from "../support/auth";

process.env.GRANTDESK_TRUSTED_PROXY_HOPS = "1";
const provider = inject("testProvider");
const PROXY = "10.0.0.5";

/** What the proxy forwards for a client at `client` who sent its own X-Forwarded-For `forged`. */
const viaProxy = (client: string, forged?: string) => ({
  [PEER_ADDRESS_HEADER]: PROXY,
  "x-forwarded-for": forged ? `${forged}, ${client}` : client,
});

beforeAll(() => {
  recordPeerAddresses();
  const wide = { perSecond: 1_000, burst: 1_000 };
  replaceHashGate(createHashGate({ perAddress: wide, global: wide }));
});

describe(`behind one trusted proxy (${provider})`, () => {
  it("keys the address the proxy saw, whatever the client put before it", async () => {
    const user = await makeUser("proxied@hops.test", "support");
    const client = "203.0.113.50";
    for (let i = 0; i < ATTEMPT_LIMITS.pair; i++)
      expect(
        (
          await authRequest(
            "/sign-in/email",
            { email: user.email, password: "wrong-password-0" },
            viaProxy(client, `198.51.100.${i}`),
          )
        ).status,
      ).toBe(401);
    const db = await getDb();
    expect(
      (await db.signInThrottle.findMany({ where: { key: { startsWith: "address:" } } })).map(
        (row) => [row.key, row.attempts],
      ),
    ).toEqual([[`address:${client}`, ATTEMPT_LIMITS.pair]]);
    const right = { email: user.email, password: user.password };
    expect((await authRequest("/sign-in/email", right, viaProxy(client, "192.0.2.1"))).status).toBe(
      429,
    );
    // Another client behind the same proxy is somebody else.
    expect((await authRequest("/sign-in/email", right, viaProxy("203.0.113.51"))).status).toBe(200);
  });
});
