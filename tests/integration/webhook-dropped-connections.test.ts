// A Vercel function instance is frozen between requests; while it is, the server (or a NAT, or
// the pooler) may close its pooled connections. The next request must cost one fast reconnect,
// not a 10 s wait and a 503. Here every server-side connection of this test's database is
// terminated while both pools (Prisma's on this thread, the ingestion worker's) hold idle ones.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { getDb, getDriver } from "@/lib/db";
import {
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  readGrant,
} from "../support/webhooks";

configureWebhookSecrets(SECRET);
// Smaller than the defaults, to see that both pools take their size from the environment.
process.env.GRANTDESK_DB_POOL_MAX = "4";
process.env.GRANTDESK_WEBHOOK_POOL_MAX = "3";
const provider = inject("testProvider");

const delivered = (id: string) =>
  grantEvent("delivered", { id, status: "Delivered", updated_at: "2026-03-01T10:00:00Z" });

/** Ends every other connection to this database, as a server restart or a pooler would. */
async function terminateEveryConnection(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()",
    );
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

describe.skipIf(provider !== "postgresql")("connections closed by the server", () => {
  it("the next delivery and the next page read reconnect at once", async () => {
    // Warm both pools: deliveries in flight together hold several worker connections.
    const warm = await Promise.all(
      [1, 2, 3, 4].map((n) => deliver(delivered(`grant_warm_${n}`), { id: `msg_warm_${n}` })),
    );
    expect(warm.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const db = await getDb();
    await Promise.all([db.grant.count(), db.webhookEvent.count()]);
    const prismaPool = getDriver();
    if (prismaPool.provider !== "postgresql") throw new Error("unreachable");
    expect(prismaPool.pool.options.max).toBe(4);
    const prismaConnections = prismaPool.pool.totalCount;

    const terminated = await terminateEveryConnection();
    expect(prismaConnections).toBeGreaterThanOrEqual(1);
    // The rest were the worker's, within GRANTDESK_WEBHOOK_POOL_MAX.
    expect(terminated - prismaConnections).toBeGreaterThanOrEqual(1);
    expect(terminated - prismaConnections).toBeLessThanOrEqual(3);

    const started = performance.now();
    const answer = await deliver(delivered("grant_after_drop"), { id: "msg_after_drop" });
    const deliveryMs = performance.now() - started;
    expect(answer).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(deliveryMs).toBeLessThan(2_000);

    const readStarted = performance.now();
    expect(await db.grant.count()).toBe(5);
    expect(performance.now() - readStarted).toBeLessThan(2_000);
    expect(await readGrant("grant_after_drop")).toMatchObject({ status: "Delivered" });
  });
});
