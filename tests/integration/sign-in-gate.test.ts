// The CPU gate in front of the sign-in throttle, with its production rates, and the throttle
// table's upkeep: what a flood of attempts may cost, and that the table does not grow with it.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { scryptSpy } from "../support/scrypt-spy";
import { getDb } from "@/lib/db";
import { createHashGate, replaceHashGate } from "@/lib/auth/hash-gate";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/auth/peer-address";
import { HASH_RATES } from "@/lib/auth/sign-in-limits";
import { pruneExpiredAttempts } from "@/lib/auth/throttle";
import { authRequest } from "../support/auth";

const provider = inject("testProvider");

const attemptFrom = (address: string, i: number) =>
  authRequest(
    "/sign-in/email",
    { email: `flood-${i}@gate.test`, password: "wrong-password-0" },
    { [PEER_ADDRESS_HEADER]: address },
  );

beforeAll(() => recordPeerAddresses());
beforeEach(() => {
  replaceHashGate(createHashGate(HASH_RATES));
  scryptSpy.reset();
});

describe(`the CPU gate (${provider})`, () => {
  it("hashes no more than the global burst of a flood from many addresses", async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attemptFrom(`198.18.0.${i + 1}`, i)),
    );
    const refused = answers.filter((answer) => answer.status === 429);
    expect(scryptSpy.calls).toBeLessThanOrEqual(HASH_RATES.global.burst + 1);
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(scryptSpy.calls);
    expect(refused.length).toBeGreaterThanOrEqual(60 - HASH_RATES.global.burst - 1);
    for (const answer of refused) {
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await answer.json()).toMatchObject({ code: "SIGN_IN_BUSY" });
    }
    // Refused by the gate: never counted against anyone.
    const db = await getDb();
    expect(await db.signInThrottle.count({ where: { key: { startsWith: "account:" } } })).toBe(
      scryptSpy.calls,
    );
  });

  it("keeps one address to its own burst while others still get through", async () => {
    const wide = { perSecond: 1_000, burst: 1_000 };
    replaceHashGate(createHashGate({ perAddress: HASH_RATES.perAddress, global: wide }));
    const one = "198.18.1.1";
    const answers = await Promise.all(
      Array.from({ length: HASH_RATES.perAddress.burst + 10 }, (_, i) => attemptFrom(one, i)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(scryptSpy.calls).toBeLessThanOrEqual(HASH_RATES.perAddress.burst + 1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(scryptSpy.calls);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
    expect((await attemptFrom("198.18.1.2", 99)).status).toBe(401);
  });
});

describe(`the throttle table (${provider})`, () => {
  it("loses its expired rows, at most once a minute", async () => {
    const db = await getDb();
    const now = Date.now() + 3_600_000;
    await db.signInThrottle.createMany({
      data: [
        { key: "account:old@gate.test", attempts: 3, windowEndsAt: BigInt(now - 1) },
        { key: "account:current@gate.test", attempts: 3, windowEndsAt: BigInt(now + 120_000) },
      ],
    });
    const before = await db.signInThrottle.count();
    expect(await pruneExpiredAttempts(db, now)).toBe(before - 1);
    expect(await db.signInThrottle.findMany({ select: { key: true } })).toEqual([
      { key: "account:current@gate.test" },
    ]);
    await db.signInThrottle.create({
      data: { key: "account:later@gate.test", attempts: 1, windowEndsAt: BigInt(now) },
    });
    // Within the minute: no second delete.
    expect(await pruneExpiredAttempts(db, now + 30_000)).toBe(0);
    expect(await pruneExpiredAttempts(db, now + 60_000)).toBe(1);
  });
});
