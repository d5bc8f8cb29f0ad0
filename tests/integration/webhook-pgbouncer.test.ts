// A real PgBouncer (Debian's, 1.18: no prepared-statement tracking) in transaction mode in front
// of the test database: 300 deliveries at once, first through a URL without pgbouncer=true (the
// pooler mixes up the hot path's named statements; the clash is detected and retried unnamed,
// lib/ingest/stores/postgres-sql.ts), then with it. Every one must be stored and answered 2xx.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { findPgBouncer, startPgBouncer, type PgBouncer } from "../support/pgbouncer";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const DELIVERIES = 300;
const skip = provider !== "postgresql" || process.env.SKIP_PGBOUNCER === "1";

async function countEvents(url: string, prefix: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "WebhookEvent" WHERE "id" LIKE $1`,
      [`${prefix}%`],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe.skipIf(skip)("behind PgBouncer in transaction mode", () => {
  const directUrl = process.env.DATABASE_URL!;
  const database = new URL(directUrl).pathname.slice(1);
  let bouncer: PgBouncer | undefined;

  beforeAll(async () => {
    const found = findPgBouncer();
    if ("missing" in found) throw new Error(found.missing);
    // Fewer server connections than the worker's pool: transactions of one client connection
    // land on different server connections, as on a busy hosted pooler.
    bouncer = await startPgBouncer(found.path, directUrl, { poolSize: 4 });
  });
  afterAll(async () => {
    process.env.DATABASE_URL = directUrl;
    await bouncer?.stop();
  });

  it.each([
    ["without pgbouncer=true", "msg_bare_", ""],
    ["with pgbouncer=true", "msg_flag_", "?pgbouncer=true"],
  ])(`stores ${DELIVERIES} concurrent deliveries %s`, async (_, prefix, query) => {
    process.env.DATABASE_URL = bouncer!.url(database) + query;
    vi.resetModules(); // the environment is read again, the worker opened on the new URL
    const answers = await Promise.all(
      Array.from({ length: DELIVERIES }, (_, n) =>
        deliver(
          grantEvent("delivered", {
            id: `grant_${prefix}${n}`,
            status: "Delivered",
            updated_at: "2026-03-01T10:00:00Z",
          }),
          { id: `${prefix}${n}` },
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(await countEvents(directUrl, prefix)).toBe(DELIVERIES);
  });
});
