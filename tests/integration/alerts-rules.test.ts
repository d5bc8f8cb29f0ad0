// The alert rules against a real database: incidents, not noise. Each test writes its own rows
// and evaluates at a chosen `now`, so windows open and clear without waiting.
import { beforeEach, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-rules";
import { saveRuleSetting } from "@/lib/alerts/rule-settings";
import { clearAlertData, insertDeliveries, insertGrants, minutesAgo } from "../support/alert-data";
import { testViewer } from "../support/viewers";

const provider = inject("testProvider");
const admin = testViewer("admin");

beforeEach(clearAlertData);

const incidents = async (rule?: string) =>
  (await getDb()).alertIncident.findMany({
    where: rule ? { rule } : {},
    orderBy: [{ openedAt: "asc" }, { key: "asc" }],
  });

describe(`alert rules (${provider})`, () => {
  it("a storm of 500 failures of a new code is exactly one incident, resolved once it clears", async () => {
    const now = new Date();
    await insertGrants(500, {
      status: "Failed",
      updatedAt: minutesAgo(now, 5),
      errorCode: "github_permission_denied",
      errorMessage: "the app lacks access to the repository",
    });
    await evaluateAlertRules(admin, now);
    await evaluateAlertRules(admin, new Date(now.getTime() + 60_000));
    const open = await incidents();
    // New, and a spike, of one code in one entitlement: one incident says it all.
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      rule: "new_failure_mode",
      key: "github_permission_denied",
      count: 500,
      peakCount: 500,
      resolvedAt: null,
      link: "/grants?status=Failed&error=github_permission_denied",
    });
    expect(open[0]!.examples).toHaveLength(5);

    // 2 hours later the window is empty: resolved, once, and nothing reopens.
    const later = new Date(now.getTime() + 2 * 3_600_000);
    await evaluateAlertRules(admin, later);
    await evaluateAlertRules(admin, new Date(later.getTime() + 60_000));
    const after = await incidents();
    expect(after).toHaveLength(1);
    expect(after[0]!.resolvedAt?.getTime()).toBe(later.getTime());
    expect(after[0]!.openKey).toBeNull();
  });

  it("a spike of a known code is one spike incident; resolved when the window clears", async () => {
    const now = new Date();
    await insertGrants(1, {
      status: "Failed",
      updatedAt: minutesAgo(now, 2 * 24 * 60),
      errorCode: "known",
    });
    await insertGrants(500, {
      status: "Failed",
      updatedAt: minutesAgo(now, 5),
      errorCode: "known",
    });
    await evaluateAlertRules(admin, now);
    await evaluateAlertRules(admin, new Date(now.getTime() + 60_000));
    const spikes = await incidents();
    // The entitlement's failures are all of that code: no second incident for it.
    expect(spikes.map((incident) => [incident.rule, incident.key, incident.count])).toEqual([
      ["failure_spike", "code:known", 500],
    ]);
    const later = new Date(now.getTime() + 20 * 60_000);
    await evaluateAlertRules(admin, later);
    expect((await incidents())[0]!.resolvedAt?.getTime()).toBe(later.getTime());
  });

  it("an entitlement failing with many known codes is an entitlement spike", async () => {
    const now = new Date();
    for (let code = 0; code < 5; code++) {
      await insertGrants(1, {
        status: "Failed",
        updatedAt: minutesAgo(now, 3 * 24 * 60),
        errorCode: `c${code}`,
      });
      await insertGrants(6, {
        status: "Failed",
        updatedAt: minutesAgo(now, 3),
        errorCode: `c${code}`,
        entitlementId: "ent_many",
      });
    }
    await evaluateAlertRules(admin, now);
    expect((await incidents()).map((incident) => [incident.key, incident.count])).toEqual([
      ["entitlement:ent_many", 30],
    ]);
  });

  it("failures below the threshold open no spike", async () => {
    const now = new Date();
    await insertGrants(19, { status: "Failed", updatedAt: minutesAgo(now, 1), errorCode: "x" });
    await evaluateAlertRules(admin, now);
    expect(await incidents("failure_spike")).toEqual([]);
  });

  it("a code not seen in 7 days opens a new failure mode; a code seen 3 days ago does not", async () => {
    const now = new Date();
    await insertGrants(1, {
      status: "Failed",
      updatedAt: minutesAgo(now, 3 * 24 * 60),
      errorCode: "old_code",
    });
    await insertGrants(2, {
      status: "Failed",
      updatedAt: minutesAgo(now, 10),
      errorCode: "old_code",
    });
    await insertGrants(3, {
      status: "Failed",
      updatedAt: minutesAgo(now, 10),
      errorCode: "brand_new",
    });
    await evaluateAlertRules(admin, now);
    const found = await incidents("new_failure_mode");
    expect(found.map((incident) => [incident.key, incident.count])).toEqual([["brand_new", 3]]);

    // Still failing an hour later (its own earlier failures are in the lookback): stays open.
    await insertGrants(1, {
      status: "Failed",
      updatedAt: minutesAgo(now, -50),
      errorCode: "brand_new",
    });
    await evaluateAlertRules(admin, new Date(now.getTime() + 55 * 60_000));
    expect((await incidents("new_failure_mode"))[0]).toMatchObject({ resolvedAt: null });

    // Two hours without it: resolved; a failure of it later is no longer new.
    await evaluateAlertRules(admin, new Date(now.getTime() + 3 * 3_600_000));
    await insertGrants(1, {
      status: "Failed",
      updatedAt: new Date(now.getTime() + 3.5 * 3_600_000),
      errorCode: "brand_new",
    });
    await evaluateAlertRules(admin, new Date(now.getTime() + 3.6 * 3_600_000));
    const final = await incidents("new_failure_mode");
    expect(final).toHaveLength(1);
    expect(final[0]!.resolvedAt).not.toBeNull();
  });

  it("pending past the integration's threshold, and consent links about to expire", async () => {
    const now = new Date();
    await insertGrants(2, {
      status: "Pending",
      updatedAt: minutesAgo(now, 45),
      integrationType: "license_key",
    });
    await insertGrants(1, {
      status: "Pending",
      updatedAt: minutesAgo(now, 45),
      integrationType: "discord",
      oauthUrl: "https://discord.example/consent",
      oauthExpiresAt: new Date(now.getTime() + 30 * 60_000),
    });
    await evaluateAlertRules(admin, now);
    const found = await incidents("stuck_pending");
    // license_key is stuck after 30 min; discord (OAuth) waits a day, but its link expires soon.
    expect(found.map((incident) => [incident.key, incident.count]).sort()).toEqual([
      ["discord:link_expiring", 1],
      ["license_key", 2],
    ]);
    expect(
      JSON.stringify(found.find((i) => i.key === "discord:link_expiring")!.examples),
    ).toContain("https://discord.example/consent");

    // Thresholds are editable: license_key may wait 2 hours.
    await saveRuleSetting(admin, "stuck_pending", {
      enabled: true,
      values: { minutesByIntegration: { license_key: 120 } },
    });
    await evaluateAlertRules(admin, now);
    const open = (await incidents("stuck_pending")).filter((incident) => !incident.resolvedAt);
    expect(open.map((incident) => incident.key)).toEqual(["discord:link_expiring"]);
  });

  it("platform_external revocations open one incident", async () => {
    const now = new Date();
    await insertGrants(3, {
      status: "Revoked",
      updatedAt: minutesAgo(now, 30),
      revocationReason: "platform_external",
      revokedAt: minutesAgo(now, 30),
    });
    await insertGrants(5, {
      status: "Revoked",
      updatedAt: minutesAgo(now, 30),
      revocationReason: "subscription_cancelled",
      revokedAt: minutesAgo(now, 30),
    });
    await evaluateAlertRules(admin, now);
    const found = await incidents("platform_external");
    expect(found.map((incident) => [incident.key, incident.count])).toEqual([
      ["platform_external", 3],
    ]);
    expect(found[0]!.link).toBe("/grants?status=Revoked&reason=platform_external");
  });

  it("signature failures above the threshold", async () => {
    const now = new Date();
    const db = await getDb();
    await db.signatureFailureCount.create({ data: { minute: minutesAgo(now, 2), count: 6 } });
    await evaluateAlertRules(admin, now);
    expect(await incidents("signature_failures")).toEqual([]);
    await db.signatureFailureCount.create({ data: { minute: minutesAgo(now, 1), count: 6 } });
    await evaluateAlertRules(admin, now);
    expect((await incidents("signature_failures"))[0]).toMatchObject({ key: "webhook", count: 12 });
  });

  it("silence: no delivery for 3 hours after a day of hourly ones; resolved by the next delivery", async () => {
    const now = new Date();
    const hourly = Array.from({ length: 24 }, (_, hour) => minutesAgo(now, 4 * 60 + hour * 60));
    await insertDeliveries(hourly);
    await evaluateAlertRules(admin, now);
    expect((await incidents("silence"))[0]).toMatchObject({
      key: "webhook",
      count: 4,
      resolvedAt: null,
    });

    await insertDeliveries([now]);
    await evaluateAlertRules(admin, new Date(now.getTime() + 60_000));
    expect((await incidents("silence"))[0]!.resolvedAt).not.toBeNull();
  });

  it("silence is no alert for an endpoint that rarely receives anything", async () => {
    const now = new Date();
    await insertDeliveries([minutesAgo(now, 5 * 60), minutesAgo(now, 15 * 60)]);
    await evaluateAlertRules(admin, now);
    expect(await incidents("silence")).toEqual([]);
  });

  it("a sync that found missed webhooks, resolved by a sync that found none", async () => {
    const now = new Date();
    const db = await getDb();
    await db.syncRun.create({
      data: {
        id: "run_missed",
        trigger: "cli",
        startedBy: "test",
        status: "succeeded",
        startedAt: minutesAgo(now, 10),
        created: 2,
        updated: 1,
        changes: {
          create: [
            {
              id: "chg_1",
              grantId: "grant_x",
              kind: "updated",
              statusBefore: "Pending",
              statusAfter: "Delivered",
            },
          ],
        },
      },
    });
    await evaluateAlertRules(admin, now);
    expect((await incidents("sync_missed"))[0]).toMatchObject({ key: "sync", count: 3 });
    await db.syncRun.create({
      data: {
        id: "run_clean",
        trigger: "cli",
        startedBy: "test",
        status: "succeeded",
        startedAt: now,
      },
    });
    await evaluateAlertRules(admin, new Date(now.getTime() + 1000));
    expect((await incidents("sync_missed"))[0]!.resolvedAt).not.toBeNull();
  });

  it("a disabled rule opens nothing and resolves what it had open", async () => {
    const now = new Date();
    await insertGrants(3, { status: "Failed", updatedAt: minutesAgo(now, 1), errorCode: "fresh" });
    await evaluateAlertRules(admin, now);
    expect((await incidents("new_failure_mode"))[0]!.resolvedAt).toBeNull();
    await saveRuleSetting(admin, "new_failure_mode", { enabled: false, values: {} });
    await evaluateAlertRules(admin, now);
    expect((await incidents("new_failure_mode"))[0]!.resolvedAt).not.toBeNull();
  });

  it("two evaluations at once open one incident", async () => {
    const now = new Date();
    await insertGrants(25, { status: "Failed", updatedAt: minutesAgo(now, 1), errorCode: "race" });
    await saveRuleSetting(admin, "new_failure_mode", { enabled: false, values: {} });
    await Promise.all([evaluateAlertRules(admin, now), evaluateAlertRules(admin, now)]);
    const spikes = await incidents("failure_spike");
    expect(spikes.filter((incident) => incident.key === "code:race")).toHaveLength(1);
  });

  it("refuses a threshold that is not a whole number in range, and audits a change", async () => {
    await expect(
      saveRuleSetting(admin, "failure_spike", { enabled: true, values: { threshold: 0 } }),
    ).rejects.toThrow(/threshold/);
    await saveRuleSetting(admin, "failure_spike", { enabled: true, values: { threshold: 50 } });
    const line = await (
      await getDb()
    ).auditLog.findFirst({
      where: { action: "alerts.rule_changed", targetId: "failure_spike" },
    });
    expect(line?.detail).toMatchObject({ enabled: true });
    expect(String((line?.detail as { values: string }).values)).toContain(`"threshold":50`);
  });
});
