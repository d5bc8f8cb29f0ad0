// Behind a transaction-mode pooler (a URL with pgbouncer=true) the hot path sends its statements
// unnamed: a prepared name created on one server connection does not exist on the next.
import { describe, expect, inject, it, vi } from "vitest";
import { getDriver } from "@/lib/db";
import { parseDelivery } from "@/lib/ingest/parse";
import { findRecordedDelivery, storeDelivery } from "@/lib/ingest/store";
import {
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  readGrant,
} from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
if (provider === "postgresql") {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("pgbouncer", "true");
  process.env.DATABASE_URL = url.toString();
}

describe(`a pooler URL (${provider})`, () => {
  it("the webhook route stores, applies and deduplicates deliveries", async () => {
    const event = grantEvent("delivered", {
      id: "grant_pooler",
      status: "Delivered",
      updated_at: "2026-03-01T10:00:00Z",
    });
    expect((await deliver(event, { id: "msg_pooler" })).body.outcome).toBe("applied");
    expect((await deliver(event, { id: "msg_pooler" })).body.outcome).toBe("duplicate");
    expect(await readGrant("grant_pooler")).toMatchObject({
      status: "Delivered",
      events: [{ webhook_id: "msg_pooler" }],
    });
  });

  // The route's statements run in the ingestion worker, out of a spy's reach; the store is the
  // same code on this thread's pool, which was opened from the same URL.
  it("the store names no statement on PostgreSQL", async () => {
    const driver = getDriver();
    const spy = driver.provider === "postgresql" ? vi.spyOn(driver.pool, "query") : null;
    const body = JSON.stringify(
      grantEvent("delivered", {
        id: "grant_pooler_store",
        status: "Delivered",
        updated_at: "2026-03-01T10:00:00Z",
      }),
    );
    expect(await findRecordedDelivery(driver, "msg_pooler_store")).toBeNull();
    expect(
      (
        await storeDelivery(driver, {
          webhookId: "msg_pooler_store",
          body,
          parsed: parseDelivery(body),
          source: "webhook",
        })
      ).outcome,
    ).toBe("applied");
    expect(await findRecordedDelivery(driver, "msg_pooler_store")).toMatchObject({
      outcome: "duplicate",
      grantId: "grant_pooler_store",
    });
    if (spy) {
      const configs = spy.mock.calls
        .map(([config]) => config)
        .filter((config) => typeof config === "object");
      expect(configs.length).toBeGreaterThan(0);
      expect(configs.map((config) => (config as { name?: string }).name).filter(Boolean)).toEqual(
        [],
      );
    }
  });

  // Deliveries in flight together share one multi-row statement (group commit); its text depends
  // on the batch's size, and it must not be named behind a pooler either.
  it("a batch of deliveries stored together names no statement on PostgreSQL", async () => {
    const driver = getDriver();
    const spy = driver.provider === "postgresql" ? vi.spyOn(driver.pool, "query") : null;
    spy?.mockClear();
    const outcomes = await Promise.all(
      [1, 2, 3].map((n) => {
        const body = JSON.stringify(
          grantEvent("delivered", {
            id: `grant_pooler_batch_${n}`,
            status: "Delivered",
            updated_at: "2026-03-01T10:00:00Z",
          }),
        );
        return storeDelivery(driver, {
          webhookId: `msg_pooler_batch_${n}`,
          body,
          parsed: parseDelivery(body),
          source: "webhook",
        });
      }),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(["applied", "applied", "applied"]);
    if (spy) {
      const configs = spy.mock.calls.map(
        ([config]) => config as unknown as { text: string; name?: string },
      );
      expect(configs.filter((config) => config.text.includes("outcomes AS ("))).toHaveLength(1);
      expect(configs.map((config) => config.name).filter(Boolean)).toEqual([]);
    }
  });
});
