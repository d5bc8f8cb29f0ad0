// Re-sync, refresh, revoke and fulfil against the local Dodo stand-in (a real HTTP server), with
// Dodo's webhooks coming back through the real webhook route.
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { startDodoMock } from "../../scripts/dodo-mock/server";
import { serveRoute } from "../support/serve-route";
import { testViewer } from "../support/viewers";
import {
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  readGrant,
} from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const { POST: webhookRoute } = await import("@/app/api/webhooks/dodo/route");
const grantdesk = await serveRoute(webhookRoute);
const mock = await startDodoMock({
  apiKey: "test_dodo_key",
  webhookUrl: `${grantdesk.url}/api/webhooks/dodo`,
  webhookSecret: SECRET,
});
process.env.DODO_PAYMENTS_API_KEY = "test_dodo_key";
process.env.DODO_PAYMENTS_BASE_URL = mock.url;

const { getDb } = await import("@/lib/db");
const { runSync } = await import("@/lib/dodo/sync");
const { refreshGrant, revokeGrant, fulfilLicenseKey, recentActions, DodoActionError } =
  await import("@/lib/dodo/grant-actions");
const { dodoTimeouts } = await import("@/lib/dodo/client");
const admin = testViewer("admin");
const support = testViewer("support");

afterAll(async () => {
  await mock.stop();
  await grantdesk.close();
});

beforeEach(() => mock.reset());

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString();

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`re-sync (${provider})`, () => {
  it("applies every grant of every entitlement across several pages, and a second run changes nothing", async () => {
    mock.addEntitlement({ id: "ent_sync_keys", integration_type: "license_key" });
    mock.addEntitlement({ id: "ent_sync_files", integration_type: "digital_files" });
    for (let i = 0; i < 230; i++)
      mock.addGrant({
        id: `grant_sync_${i}`,
        entitlement_id: i % 3 === 0 ? "ent_sync_files" : "ent_sync_keys",
        customer_id: `cus_sync_${i % 7}`,
        status: i % 5 === 0 ? "Failed" : "Delivered",
        updated_at: at(i % 50),
      });

    const first = await runSync(admin, { trigger: "cli" });
    expect(first).toMatchObject({
      status: "succeeded",
      error: null,
      counts: { seen: 230, created: 230, updated: 0, unchanged: 0, older: 0, invalid: 0 },
    });
    const db = await getDb();
    expect(await db.grant.count({ where: { id: { startsWith: "grant_sync_" } } })).toBe(230);
    const keysPages = mock
      .requests()
      .filter((r) => r.path === "/entitlements/ent_sync_keys/grants")
      .map((r) => r.query.page_number);
    expect(keysPages).toEqual(["0", "1"]);
    const events = await db.webhookEvent.count({ where: { source: "api" } });
    expect(events).toBe(230);
    expect(await db.syncChange.count({ where: { runId: first.runId } })).toBe(230);

    const second = await runSync(admin, { trigger: "cli" });
    expect(second.counts).toEqual({
      seen: 230,
      created: 0,
      updated: 0,
      unchanged: 230,
      older: 0,
      invalid: 0,
    });
    expect(await db.webhookEvent.count({ where: { source: "api" } })).toBe(events);
    expect(await readGrant("grant_sync_5")).toMatchObject({
      status: "Failed",
      events: [{ outcome: "applied" }],
    });
  });

  it("updates a grant whose webhook was missed, and never lets an older listing overwrite a newer webhook", async () => {
    mock.addEntitlement({ id: "ent_sync_mix", integration_type: "discord" });
    await deliver(
      grantEvent("created", {
        id: "grant_missed",
        entitlement_id: "ent_sync_mix",
        status: "Pending",
        updated_at: at(1),
      }),
    );
    mock.addGrant({
      id: "grant_missed",
      entitlement_id: "ent_sync_mix",
      customer_id: "cus_test",
      status: "Delivered",
      updated_at: at(2),
      delivered_at: at(2),
    });
    await deliver(
      grantEvent("revoked", {
        id: "grant_newer_here",
        entitlement_id: "ent_sync_mix",
        status: "Revoked",
        revocation_reason: "refund",
        updated_at: at(9),
      }),
    );
    mock.addGrant({
      id: "grant_newer_here",
      entitlement_id: "ent_sync_mix",
      customer_id: "cus_test",
      status: "Delivered",
      updated_at: at(3),
    });

    const result = await runSync(admin, { trigger: "dashboard" });
    expect(result.counts).toMatchObject({ seen: 2, updated: 1, older: 1 });
    expect(await readGrant("grant_missed")).toMatchObject({
      status: "Delivered",
      events: [{ outcome: "applied" }, { outcome: "applied" }],
    });
    expect(await readGrant("grant_newer_here")).toMatchObject({
      status: "Revoked",
      revocation_reason: "refund",
    });
    const change = await (await getDb()).syncChange.findFirst({ where: { runId: result.runId } });
    expect(change).toMatchObject({
      grantId: "grant_missed",
      kind: "updated",
      statusBefore: "Pending",
      statusAfter: "Delivered",
    });
  });

  it("records a failed run with Dodo's reason when the key is refused, and refuses support", async () => {
    mock.addEntitlement({ id: "ent_sync_401", integration_type: "github" });
    mock.injectFault({ status: 401 });
    const result = await runSync(admin, { trigger: "cli" });
    expect(result).toMatchObject({
      status: "failed",
      error: expect.stringContaining("refused the API key (401)"),
    });
    await expect(runSync(support, { trigger: "dashboard" })).rejects.toThrow("sync:run");
  });
});

describe(`refresh, revoke and fulfil (${provider})`, () => {
  async function seed(
    id: string,
    integration: "license_key" | "discord",
    status: "Pending" | "Delivered" = "Delivered",
  ) {
    mock.addEntitlement({ id: `ent_${id}`, integration_type: integration });
    for (let i = 0; i < 3; i++)
      mock.addGrant({
        id: `${id}_other_${i}`,
        entitlement_id: `ent_${id}`,
        customer_id: "cus_other",
        status: "Delivered",
        updated_at: at(1),
      });
    mock.addGrant({
      id,
      entitlement_id: `ent_${id}`,
      customer_id: "cus_act",
      status,
      updated_at: at(1),
      integration_type: integration,
    });
    await deliver(
      grantEvent("created", {
        id,
        entitlement_id: `ent_${id}`,
        customer_id: "cus_act",
        status,
        updated_at: at(1),
        integration_type: integration,
      }),
    );
  }

  it("refreshes one grant by listing its entitlement for its customer (support may)", async () => {
    await seed("grant_refresh", "discord");
    mock.updateGrant("grant_refresh", {
      status: "Failed",
      error_code: "discord_role_missing",
      updated_at: at(5),
    });
    expect(await refreshGrant(support, "grant_refresh")).toMatchObject({
      outcome: "updated",
      statusBefore: "Delivered",
      statusAfter: "Failed",
    });
    expect(mock.requests().at(-1)).toMatchObject({
      path: "/entitlements/ent_grant_refresh/grants",
      query: { customer_id: "cus_act", page_number: "0" },
    });
    expect(await readGrant("grant_refresh")).toMatchObject({
      status: "Failed",
      error_code: "discord_role_missing",
    });
    expect(await refreshGrant(support, "grant_refresh")).toMatchObject({ outcome: "unchanged" });
  });

  it("revokes through Dodo; the grant shows the request until Dodo's webhook confirms it", async () => {
    await seed("grant_revoke", "discord");
    await revokeGrant(admin, "grant_revoke");
    expect(mock.grants().find((g) => g.id === "grant_revoke")).toMatchObject({
      status: "Revoked",
      revocation_reason: "manual",
    });
    const confirmed = await waitFor(
      () => readGrant("grant_revoke"),
      (grant) => grant?.status === "Revoked",
    );
    expect(confirmed).toMatchObject({ status: "Revoked", revocation_reason: "manual" });
    expect(await recentActions(admin, "grant_revoke")).toMatchObject([
      { kind: "revoke", requestedBy: admin.label, confirmed: true },
    ]);
    const audit = await (
      await getDb()
    ).auditLog.findFirst({ where: { action: "grant.revoked", targetId: "grant_revoke" } });
    expect(audit).toMatchObject({ actorEmail: admin.label });
    await expect(revokeGrant(support, "grant_revoke")).rejects.toThrow("grants:revoke");
  });

  it("fulfils a pending license key; the key is audited by its last 4 only", async () => {
    await seed("grant_fulfil", "license_key", "Pending");
    await expect(fulfilLicenseKey(support, "grant_fulfil", { key: "KEY-1" })).rejects.toThrow(
      "grants:fulfil",
    );
    await expect(fulfilLicenseKey(admin, "grant_fulfil", { key: "  " })).rejects.toThrow(
      "enter the license key",
    );
    await fulfilLicenseKey(admin, "grant_fulfil", {
      key: "MANUAL-KEY-7Q2Z",
      activationsLimit: "3",
    });
    const confirmed = await waitFor(
      () => readGrant("grant_fulfil"),
      (grant) => grant?.status === "Delivered",
    );
    expect(confirmed?.license_key).toMatchObject({ key_last4: "7Q2Z", activations_limit: 3 });
    expect(
      await (
        await getDb()
      ).grant.findUnique({ where: { id: "grant_fulfil" }, select: { licenseKey: true } }),
    ).toEqual({ licenseKey: "MANUAL-KEY-7Q2Z" });
    const audit = await (
      await getDb()
    ).auditLog.findFirst({ where: { action: "grant.fulfilled", targetId: "grant_fulfil" } });
    expect(JSON.stringify(audit)).not.toContain("MANUAL-KEY");
    expect(audit?.detail).toMatchObject({ keyLast4: "7Q2Z", activationsLimit: 3 });
    await expect(fulfilLicenseKey(admin, "grant_fulfil", { key: "AGAIN" })).rejects.toThrow(
      "not Pending",
    );
  });

  describe("fulfilling a key is never sent twice once Dodo may have acted", () => {
    // A 5xx, a dropped connection or a timeout may come after Dodo delivered the key: repeating
    // the request could give the customer a second key. Only a 429 (nothing done) is retried.
    const cases = [
      { name: "5xx", fault: { status: 503 }, message: "Dodo had an error (503)" },
      { name: "dropped connection", fault: { disconnect: true }, message: "could not be reached" },
      {
        name: "timeout",
        fault: { delayMs: 1_500, status: 200 },
        message: "did not answer in time",
      },
    ];
    const fulfilRequests = () =>
      mock.requests().filter((r) => r.method === "POST" && r.path.includes("grant_once_"));
    for (const { name, fault, message } of cases) {
      it(`${name}: one request, the error reaches the person, nothing written`, async () => {
        const id = `grant_once_${name.replace(/\W+/g, "_")}`;
        await seed(id, "license_key", "Pending");
        mock.injectFault({ method: "POST", ...fault });
        dodoTimeouts.requestMs = 500;
        try {
          const error = await fulfilLicenseKey(admin, id, { key: "ONCE-KEY-1" }).catch(
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(DodoActionError);
          expect((error as Error).message).toContain(message);
        } finally {
          dodoTimeouts.requestMs = 15_000;
        }
        expect(fulfilRequests()).toHaveLength(1);
        expect(await (await getDb()).grantAction.count({ where: { grantId: id } })).toBe(0);
      });
    }

    it("a short 429 is retried (Dodo did nothing) and the key goes through once", async () => {
      const id = "grant_once_429";
      await seed(id, "license_key", "Pending");
      mock.injectFault({ method: "POST", status: 429, retryAfterSeconds: 1 });
      await fulfilLicenseKey(admin, id, { key: "ONCE-KEY-2" });
      expect(fulfilRequests()).toHaveLength(2);
      expect(await (await getDb()).grantAction.count({ where: { grantId: id } })).toBe(1);
    });
  });

  describe("Dodo's errors reach the person and change nothing", () => {
    const cases = [
      { name: "401 bad key", fault: { status: 401 }, message: "refused the API key (401)" },
      { name: "404", fault: { status: 404 }, message: "does not know this grant" },
      {
        name: "422",
        fault: { status: 422, body: { code: "INVALID", message: "grant cannot be revoked now" } },
        message: "grant cannot be revoked now",
      },
      {
        name: "429 asking for longer than we wait",
        fault: { status: 429, retryAfterSeconds: 120 },
        message: "rate-limiting requests (429). Try again in 120 s",
      },
      {
        name: "5xx, every retry",
        fault: { status: 503, times: 3 },
        message: "Dodo had an error (503)",
      },
      {
        name: "network down",
        fault: { disconnect: true, times: 3 },
        message: "could not be reached",
      },
      {
        name: "timeout",
        fault: { delayMs: 1_500, status: 200, times: 3 },
        message: "did not answer in time",
      },
    ];
    for (const { name, fault, message } of cases) {
      it(name, async () => {
        const id = `grant_err_${name.replace(/\W+/g, "_")}`;
        await seed(id, "discord");
        mock.injectFault({ method: "DELETE", ...fault });
        dodoTimeouts.requestMs = 500;
        try {
          const error = await revokeGrant(admin, id).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(DodoActionError);
          expect((error as Error).message).toContain(message);
        } finally {
          dodoTimeouts.requestMs = 15_000;
        }
        const db = await getDb();
        expect(await db.grantAction.count({ where: { grantId: id } })).toBe(0);
        expect(await db.auditLog.count({ where: { targetId: id } })).toBe(0);
        expect(await readGrant(id)).toMatchObject({ status: "Delivered" });
      });
    }

    it("a 429 asking for a short wait is retried after it, and succeeds", async () => {
      await seed("grant_err_429_short", "discord");
      mock.injectFault({ method: "DELETE", status: 429, retryAfterSeconds: 1 });
      const started = Date.now();
      await revokeGrant(admin, "grant_err_429_short");
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(mock.requests().filter((r) => r.method === "DELETE")).toHaveLength(2);
    });
  });
});
