// A delivery that cannot be stored must answer 5xx (Dodo retries), fast, with nothing half-written;
// its redelivery once the database is back applies exactly once.
import { describe, expect, inject, it, vi } from "vitest";
import {
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  readGrant,
} from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const UNREACHABLE =
  provider === "sqlite"
    ? "file:/etc/hostname/grantdesk-not-a-dir/grants.db"
    : "postgresql://grantdesk:secret@127.0.0.1:9/grantdesk";

describe(`webhook route with the database down (${provider})`, () => {
  it("answers 503 with Retry-After within 5 s, then applies the redelivery exactly once", async () => {
    const workingUrl = process.env.DATABASE_URL!;
    const envelope = grantEvent("delivered", {
      id: "grant_outage",
      status: "Delivered",
      updated_at: "2026-03-01T10:00:00Z",
    });

    process.env.DATABASE_URL = UNREACHABLE;
    vi.resetModules();
    const started = performance.now();
    const down = await deliver(envelope, { id: "msg_outage" });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(JSON.stringify(down.body)).not.toContain("secret");
    await (await import("@/lib/db")).disconnectDb();

    process.env.DATABASE_URL = workingUrl;
    vi.resetModules();
    expect(await readGrant("grant_outage")).toBeNull();
    const first = await deliver(envelope, { id: "msg_outage" });
    const second = await deliver(envelope, { id: "msg_outage" });
    expect([first.body.outcome, second.body.outcome]).toEqual(["applied", "duplicate"]);
    expect((await readGrant("grant_outage"))?.events).toHaveLength(1);
  });
});
