// The sign-in throttle through Better Auth's real endpoint and our route handler, on a real
// database: what is counted, when, under which key, and what it costs in password evaluations.
// The CPU gate in front is opened wide here (its own tests are in sign-in-gate.test.ts) so that
// the database limits behind it are what each test meets.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { scryptSpy, waitUntil } from "../support/scrypt-spy";
import { getDb } from "@/lib/db";
import { createHashGate, replaceHashGate } from "@/lib/auth/hash-gate";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/auth/peer-address";
import { ATTEMPT_LIMITS } from "@/lib/auth/sign-in-limits";
import { authRequest, makeUser } from "../support/auth";

const provider = inject("testProvider");
const WIDE_OPEN = { perSecond: 1_000_000, burst: 1_000_000 };

/** The request headers of a client connected from `address` (what our server records). */
const from = (address: string, extra: Record<string, string> = {}) => ({
  [PEER_ADDRESS_HEADER]: address,
  ...extra,
});
let nextAddress = 1;
const freshAddress = () => `192.0.2.${nextAddress++}`;

const signInFrom = (address: string, email: string, password: string) =>
  authRequest("/sign-in/email", { email, password }, from(address));

async function statusOf(response: Promise<Response>) {
  return (await response).status;
}

async function throttleRows() {
  const db = await getDb();
  return db.signInThrottle.findMany({ orderBy: { key: "asc" } });
}

beforeAll(() => {
  recordPeerAddresses();
  replaceHashGate(createHashGate({ perAddress: WIDE_OPEN, global: WIDE_OPEN }));
});
beforeEach(() => scryptSpy.reset());

describe(`a burst of sign-ins (${provider})`, () => {
  it("evaluates at most 10 of 200 parallel attempts, and refuses the right password sent in it", async () => {
    const user = await makeUser("burst@throttle.test", "support");
    const address = freshAddress();
    scryptSpy.reset();
    const release = scryptSpy.hold();
    const wrong = Array.from({ length: 199 }, () =>
      statusOf(signInFrom(address, user.email, "wrong-password-0")),
    );
    // The first attempts have their places and their evaluations are parked: the right password
    // arrives in the middle of the burst.
    const db = await getDb();
    const pair = `pair:${user.email}|${address}`;
    await waitUntil(
      async () =>
        (await db.signInThrottle.findUnique({ where: { key: pair } }))?.attempts ===
        ATTEMPT_LIMITS.pair,
    );
    const right = signInFrom(address, user.email, user.password);
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    const statuses = await Promise.all(wrong);
    const answer = await right;
    expect(scryptSpy.calls).toBeLessThanOrEqual(ATTEMPT_LIMITS.pair);
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(statuses.filter((s) => s === 401)).toHaveLength(scryptSpy.calls);
    expect(statuses.filter((s) => s === 429)).toHaveLength(199 - scryptSpy.calls);
  });
});

describe(`what counts (${provider})`, () => {
  it("does not count attempts Better Auth refuses before checking a password", async () => {
    const user = await makeUser("refused@throttle.test", "support");
    const address = freshAddress();
    scryptSpy.reset();
    for (let i = 0; i < 15; i++) {
      const foreign = await authRequest(
        "/sign-in/email",
        { email: user.email, password: "wrong-password-0" },
        from(address, { origin: "https://evil.example" }),
      );
      expect(foreign.status).toBe(403);
      for (const body of [
        { email: user.email },
        { email: user.email, password: 12345 },
        { email: "not an email", password: "wrong-password-0" },
        { email: user.email, password: "x".repeat(300) },
        { email: user.email, password: "wrong-password-0", rememberMe: "yes" },
      ])
        expect((await authRequest("/sign-in/email", body, from(address))).status).toBe(400);
    }
    expect(scryptSpy.calls).toBe(0);
    expect((await throttleRows()).filter((row) => row.key.includes(user.email))).toEqual([]);
    expect((await signInFrom(address, user.email, user.password)).status).toBe(200);
  });

  it("evaluates no password at all for a locked pair", async () => {
    const user = await makeUser("locked@throttle.test", "support");
    const address = freshAddress();
    for (let i = 0; i < ATTEMPT_LIMITS.pair; i++)
      expect(await statusOf(signInFrom(address, user.email, "wrong-password-0"))).toBe(401);
    scryptSpy.reset();
    for (let i = 0; i < 5; i++)
      expect(await statusOf(signInFrom(address, user.email, "wrong-password-0"))).toBe(429);
    expect(scryptSpy.calls).toBe(0);
  });

  it("gives a right password's attempt back: the pair's typos are forgiven, the rest by one", async () => {
    const user = await makeUser("typos@throttle.test", "support");
    const address = freshAddress();
    for (let i = 0; i < 3; i++) await signInFrom(address, user.email, "wrong-password-0");
    expect((await signInFrom(address, user.email, user.password)).status).toBe(200);
    const rows = (await throttleRows()).filter(
      (row) => row.key.includes(user.email) || row.key.endsWith(address),
    );
    const attempts = Object.fromEntries(rows.map((row) => [row.key, row.attempts]));
    expect(attempts).toEqual({
      [`account:${user.email}`]: 3,
      [`address:${address}`]: 3,
    });
  });
});

describe(`who is slowed (${provider})`, () => {
  it("10 wrong passwords lock the guesser's address for that account, not the account", async () => {
    const user = await makeUser("victim@throttle.test", "admin");
    const attacker = freshAddress();
    for (let i = 0; i < ATTEMPT_LIMITS.pair; i++)
      expect(await statusOf(signInFrom(attacker, user.email, "wrong-password-0"))).toBe(401);
    const locked = await signInFrom(attacker, user.email, user.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(await locked.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    // The person whose account it is signs in from their own address.
    expect((await signInFrom(freshAddress(), user.email, user.password)).status).toBe(200);
    // And the guesser may still sign into an account of their own.
    const own = await makeUser("attackers-own@throttle.test", "support");
    expect((await signInFrom(attacker, own.email, own.password)).status).toBe(200);
  });

  it("an address spraying one password over many accounts is stopped at 30", async () => {
    const sprayer = freshAddress();
    for (let i = 0; i < ATTEMPT_LIMITS.address; i++)
      expect(await statusOf(signInFrom(sprayer, `person-${i}@throttle.test`, "Summer2026!!"))).toBe(
        401,
      );
    scryptSpy.reset();
    expect(await statusOf(signInFrom(sprayer, "one-more@throttle.test", "Summer2026!!"))).toBe(429);
    expect(scryptSpy.calls).toBe(0);
    expect(
      await statusOf(signInFrom(freshAddress(), "one-more@throttle.test", "Summer2026!!")),
    ).toBe(401);
  });

  it("an account guessed from many addresses is locked for everyone at 100", async () => {
    const user = await makeUser("distributed@throttle.test", "support");
    const addresses = Array.from(
      { length: ATTEMPT_LIMITS.account / ATTEMPT_LIMITS.pair },
      freshAddress,
    );
    const statuses = await Promise.all(
      addresses.flatMap((address) =>
        Array.from({ length: ATTEMPT_LIMITS.pair }, () =>
          statusOf(signInFrom(address, user.email, "wrong-password-0")),
        ),
      ),
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
    const refused = await signInFrom(freshAddress(), user.email, user.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    // 100 real password checks (scrypt): ~10 s on a quiet 2-core machine, over 30 s on a busy one.
  }, 120_000);

  it("counts again from zero once the window has passed", async () => {
    const user = await makeUser("later@throttle.test", "support");
    const address = freshAddress();
    for (let i = 0; i <= ATTEMPT_LIMITS.pair; i++)
      await signInFrom(address, user.email, "wrong-password-0");
    expect((await signInFrom(address, user.email, user.password)).status).toBe(429);
    // 15 minutes later, moved back in the database rather than waited for.
    const db = await getDb();
    await db.signInThrottle.updateMany({
      where: { key: { contains: user.email } },
      data: { windowEndsAt: BigInt(Date.now() - 1000) },
    });
    expect((await signInFrom(address, user.email, user.password)).status).toBe(200);
  });
});

describe(`the client's address (${provider}, no trusted proxy)`, () => {
  it("is the connection's: a locked address is not freed by an X-Forwarded-For header", async () => {
    const sprayer = freshAddress();
    for (let i = 0; i < ATTEMPT_LIMITS.address; i++)
      await signInFrom(sprayer, `xff-${i}@throttle.test`, "Summer2026!!");
    for (const forged of [
      "203.0.113.77",
      "203.0.113.78, 198.51.100.1",
      sprayer.replace(/\d+$/, "250"),
    ])
      expect(
        (
          await authRequest(
            "/sign-in/email",
            { email: "xff-more@throttle.test", password: "Summer2026!!" },
            from(sprayer, { "x-forwarded-for": forged, "x-real-ip": forged }),
          )
        ).status,
        forged,
      ).toBe(429);
  });
});
