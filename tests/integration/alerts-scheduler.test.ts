// The scheduler's parts against a real database and the local Dodo stand-in: the lease lets one
// holder through, two ticks at once run one sync, the cron routes refuse without CRON_SECRET, and
// signature failures on the webhook route are counted for the alert.
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { startDodoMock } from "../../scripts/dodo-mock/server";
import { clearAlertData } from "../support/alert-data";
import {
  OTHER_SECRET,
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
} from "../support/webhooks";

const provider = inject("testProvider");
const mock = await startDodoMock({ apiKey: "test_dodo_key" });
process.env.DODO_PAYMENTS_API_KEY = "test_dodo_key";
process.env.DODO_PAYMENTS_BASE_URL = mock.url;
process.env.CRON_SECRET = "cron-secret-for-the-tests-0123";
configureWebhookSecrets(SECRET);

const { getDb } = await import("@/lib/db");
const { acquireLease, releaseLease } = await import("@/lib/alerts/lease");
const { runAlertsTick, runSyncTick } = await import("@/lib/alerts/scheduler-ticks");
const { flushSignatureFailures } = await import("@/lib/alerts/signature-failures");
const alertsRoute = await import("@/app/api/cron/alerts/route");
const syncRoute = await import("@/app/api/cron/sync/route");

afterAll(() => mock.stop());
beforeEach(async () => {
  mock.reset();
  await clearAlertData();
});

function addGrants(count: number) {
  mock.addEntitlement({ id: "ent_sched", integration_type: "license_key" });
  for (let i = 0; i < count; i++)
    mock.addGrant({
      id: `grant_sched_${i}`,
      entitlement_id: "ent_sched",
      customer_id: "cus_1",
      status: "Delivered",
    });
}

const cronRequest = (authorization?: string) =>
  new Request("http://localhost/api/cron/x", {
    headers: authorization ? { authorization } : {},
  });

describe(`scheduler (${provider})`, () => {
  it("the lease: one holder of two at once, taken over only once expired, released by its holder", async () => {
    const db = await getDb();
    const now = new Date();
    const [a, b] = await Promise.all([
      acquireLease(db, "job", "a", 60_000, now),
      acquireLease(db, "job", "b", 60_000, now),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = a ? "a" : "b";
    const other = a ? "b" : "a";
    expect(await acquireLease(db, "job", other, 60_000, new Date(now.getTime() + 30_000))).toBe(
      false,
    );
    // Renewing is the holder taking it again.
    expect(await acquireLease(db, "job", holder, 60_000, new Date(now.getTime() + 30_000))).toBe(
      true,
    );
    // Expired: the other may take it, and the first can no longer release it.
    expect(await acquireLease(db, "job", other, 60_000, new Date(now.getTime() + 120_000))).toBe(
      true,
    );
    await releaseLease(db, "job", holder);
    expect((await db.schedulerLease.findUniqueOrThrow({ where: { name: "job" } })).holder).toBe(
      other,
    );
    await releaseLease(db, "job", other);
    expect(await acquireLease(db, "job", holder, 60_000)).toBe(true);
  });

  it("two scheduler ticks at once run one sync; the next is due after the interval", async () => {
    addGrants(150);
    const [first, second] = await Promise.all([
      runSyncTick({ holder: "instance-1" }),
      runSyncTick({ holder: "instance-2" }),
    ]);
    const ran = [first, second].filter((tick) => tick.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ status: "succeeded" });
    const db = await getDb();
    const runs = await db.syncRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "schedule", startedBy: "scheduler", seen: 150 });

    expect(await runSyncTick()).toMatchObject({
      ran: false,
      reason: expect.stringMatching(/^next sync at/),
    });
    const later = new Date(Date.now() + 6 * 3_600_000 + 60_000);
    expect(await runSyncTick({ now: later })).toMatchObject({ ran: true, status: "succeeded" });
  });

  it("an interrupted scheduled sync is resumed at the next tick, not hours later", async () => {
    addGrants(3);
    const db = await getDb();
    await db.syncRun.create({
      data: {
        id: "run_cut_off",
        trigger: "schedule",
        startedBy: "scheduler",
        status: "running",
        runningSlot: "sync",
        startedAt: new Date(Date.now() - 10 * 60_000),
        heartbeatAt: new Date(Date.now() - 5 * 60_000),
      },
    });
    const tick = await runSyncTick();
    expect(tick).toMatchObject({ ran: true, status: "succeeded" });
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: "run_cut_off" } })).toMatchObject({
      status: "interrupted",
    });
  });

  it("the switched-off schedule does not sync", async () => {
    const db = await getDb();
    await db.alertSetting.create({ data: { id: "scheduled_sync", enabled: false } });
    expect(await runSyncTick()).toEqual({
      ran: false,
      reason: "the scheduled sync is switched off",
    });
  });

  it("an alert tick while another instance holds the lease does nothing; then it runs", async () => {
    const db = await getDb();
    expect(await acquireLease(db, "alerts", "instance-0", 60_000)).toBe(true);
    expect(await runAlertsTick({ holder: "instance-1" })).toEqual({
      ran: false,
      reason: "another instance is evaluating the rules",
    });
    await releaseLease(db, "alerts", "instance-0");
    expect(await runAlertsTick({ holder: "instance-1" })).toMatchObject({ ran: true });
    const lease = await db.schedulerLease.findUniqueOrThrow({ where: { name: "alerts" } });
    expect(lease.holder).toBeNull();
  });

  it("the cron routes refuse a missing or wrong CRON_SECRET", async () => {
    for (const route of [alertsRoute, syncRoute]) {
      for (const authorization of [
        undefined,
        "Bearer wrong-secret",
        "cron-secret-for-the-tests-0123",
        "Bearer cron-secret-for-the-tests-01234",
      ]) {
        const response = await route.GET(cronRequest(authorization));
        expect(response.status, String(authorization)).toBe(401);
      }
    }
    const response = await alertsRoute.GET(cronRequest("Bearer cron-secret-for-the-tests-0123"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ran: true });
  });

  it("signature failures on the webhook route are counted per minute", async () => {
    for (let i = 0; i < 3; i++) {
      const result = await deliver(
        grantEvent("created", { id: `grant_sig_${i}`, updated_at: "2026-03-02T10:00:00Z" }),
        { secret: OTHER_SECRET },
      );
      expect(result.status).toBe(401);
    }
    await flushSignatureFailures();
    const rows = await (await getDb()).signatureFailureCount.findMany();
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(3);
  });
});
