// Behind a transaction-mode pooler (a URL with pgbouncer=true) the hot path sends its statements
// unnamed: a prepared name created on one server connection does not exist on the next.
import { describe, expect, inject, it, vi } from "vitest";
import { getDriver } from "@/lib/db";
import { SECRET, configureWebhookSecrets, deliver, grantEvent, readGrant } from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
if (provider === "postgresql") {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("pgbouncer", "true");
  process.env.DATABASE_URL = url.toString();
}

describe(`a pooler URL (${provider})`, () => {
  it("stores, applies and deduplicates deliveries, with no statement named on PostgreSQL", async () => {
    const driver = getDriver();
    const spy = driver.provider === "postgresql" ? vi.spyOn(driver.pool, "query") : null;
    const event = grantEvent("delivered", { id: "grant_pooler", status: "Delivered", updated_at: "2026-03-01T10:00:00Z" });
    expect((await deliver(event, { id: "msg_pooler" })).body.outcome).toBe("applied");
    expect((await deliver(event, { id: "msg_pooler" })).body.outcome).toBe("duplicate");
    expect(await readGrant("grant_pooler")).toMatchObject({ status: "Delivered", events: [{ webhook_id: "msg_pooler" }] });
    if (spy) {
      const configs = spy.mock.calls.map(([config]) => config).filter((config) => typeof config === "object");
      expect(configs.length).toBeGreaterThan(0);
      expect(configs.map((config) => (config as { name?: string }).name).filter(Boolean)).toEqual([]);
    }
  });
});
