// Prisma's SQLite statements on their own thread (lib/sqlite-thread/): the same answers, errors
// and transactions as the adapter it wraps, and the server's event loop free while one runs.
import { afterAll, describe, expect, inject, it } from "vitest";
import { sqliteFilePath } from "@/lib/database-url.mjs";
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_CONNECTION_PRAGMAS } from "@/lib/db-driver";
import { PrismaSqliteOnThread } from "@/lib/sqlite-thread/adapter";
import { PrismaClient } from "@/lib/generated/prisma-sqlite/client.ts";

const provider = inject("testProvider");

describe.skipIf(provider !== "sqlite")("SQLite statements on their own thread", () => {
  const client = () =>
    new PrismaClient({
      adapter: new PrismaSqliteOnThread({
        file: sqliteFilePath(process.env.DATABASE_URL!),
        busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
        pragmas: SQLITE_CONNECTION_PRAGMAS,
      }),
    });
  const db = provider === "sqlite" ? client() : null!;
  afterAll(() => db?.$disconnect());

  const grant = (id: string) => ({
    id,
    businessId: "bus_thread",
    customerId: "cus_thread",
    entitlementId: "ent_thread",
    integrationType: "discord",
    status: "Pending",
    createdAt: new Date("2026-06-01T00:00:00Z"),
    updatedAt: new Date("2026-06-01T00:00:00Z"),
    rawSnapshot: "{}",
    snapshotTimestampUs: 123n,
    snapshotOrder: "0",
  });

  it("writes and reads rows with their dates and big integers", async () => {
    await db.grant.create({ data: grant("grant_thread_1") });
    const row = await db.grant.findUniqueOrThrow({ where: { id: "grant_thread_1" } });
    expect(row.createdAt).toEqual(new Date("2026-06-01T00:00:00Z"));
    expect(row.snapshotTimestampUs).toBe(123n);
    expect(
      await db.$queryRaw`SELECT COUNT(*) AS n FROM "Grant" WHERE "id" = 'grant_thread_1'`,
    ).toEqual([{ n: 1n }]);
  });

  it("reports a constraint as Prisma's own error", async () => {
    await expect(db.grant.create({ data: grant("grant_thread_1") })).rejects.toMatchObject({
      code: "P2002",
    });
  });

  it("commits and rolls back transactions", async () => {
    await db.$transaction([db.grant.create({ data: grant("grant_thread_2") })]);
    await expect(
      db.$transaction(async (tx) => {
        await tx.grant.create({ data: grant("grant_thread_3") });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const ids = await db.grant.findMany({
      where: { id: { startsWith: "grant_thread_" } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(ids.map((row) => row.id)).toEqual(["grant_thread_1", "grant_thread_2"]);
  });

  it("leaves this thread's event loop free while a long statement runs", async () => {
    // A statement that takes a while: a recursive count to three million.
    const slow = db.$queryRawUnsafe(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) AS c FROM n",
    );
    const started = performance.now();
    let ticks = 0;
    let worstGap = 0;
    let last = started;
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ticks++;
    }, 5);
    await slow;
    clearInterval(timer);
    const took = performance.now() - started;
    // On the server's thread, the statement would have held every timer until it finished.
    expect(took).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThan(5);
    expect(worstGap).toBeLessThan(took / 2);
  });
});
