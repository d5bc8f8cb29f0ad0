// The entitlement pages' reads (lib/entitlements/queries): the catalog joined with the entitlements
// grants name, counts from the "status_entitlement" summary, 7- and 30-day windows from the
// per-day EntitlementDaily / EntitlementLatency counters, waiting consents from an index
// range of one entitlement's grants. Every statement on "Grant" or a counter table must search an
// index, never scan or sort, so the pages cost the same at 1M grants.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);
const viewer = testViewer("support");
const DAY = 86_400_000;
const NOW = new Date();
const ago = (days: number, plusMs = 0) =>
  new Date(NOW.getTime() - days * DAY + plusMs).toISOString();

const A = "ent_pages_a";
const B = "ent_pages_b";
const C = "ent_pages_catalog_only";

/** One grant of `entitlement`, created `days` ago, in its final state. */
async function grant(id: string, entitlement: string, days: number, data: Record<string, unknown>) {
  const event = grantEvent("updated", {
    id,
    entitlement_id: entitlement,
    integration_type: "discord",
    created_at: ago(days),
    updated_at: ago(days, 60_000),
    ...data,
  });
  expect((await deliver(event)).status).toBe(200);
}

beforeAll(async () => {
  // A: in the last 7 days 4 grants (1 failed, 2 delivered after 10 s and 30 s, 1 waiting for
  // consent); 20 days ago 4 more (2 failed, 1 delivered after 50 s, 1 with an expired consent);
  // 60 days ago 1 failed, outside both windows.
  await grant("g_ent_1", A, 2, { status: "Failed", error_code: "discord_role_not_found" });
  await grant("g_ent_2", A, 3, { status: "Delivered", delivered_at: ago(3, 10_000) });
  await grant("g_ent_3", A, 4, { status: "Delivered", delivered_at: ago(4, 30_000) });
  await grant("g_ent_4", A, 1, {
    status: "Pending",
    oauth_url: "https://discord.example/oauth?state=x",
    oauth_expires_at: ago(-1),
  });
  await grant("g_ent_5", A, 20, { status: "Failed", error_code: "discord_role_not_found" });
  await grant("g_ent_6", A, 20, { status: "Failed", error_code: "discord_guild_not_found" });
  await grant("g_ent_7", A, 20, { status: "Delivered", delivered_at: ago(20, 50_000) });
  await grant("g_ent_8", A, 20, {
    status: "Pending",
    oauth_url: "https://discord.example/oauth?state=y",
    oauth_expires_at: ago(19),
  });
  await grant("g_ent_9", A, 60, { status: "Failed", error_code: "oauth_token_revoked" });
  // B: not in the catalog; a pending grant without a consent link.
  await grant("g_ent_10", B, 1, { status: "Pending", integration_type: "github" });
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const config = JSON.stringify({ guild_id: "112233", role_id: "998877" });
  await db.entitlement.createMany({
    data: [
      {
        id: A,
        name: "Discord VIP role",
        integrationType: "discord",
        isActive: true,
        integrationConfig: config,
      },
      {
        id: C,
        name: "Archived bundle",
        integrationType: "digital_files",
        isActive: false,
        integrationConfig: "{}",
      },
    ],
  });
});

describe(`entitlement queries (${provider})`, () => {
  it("list every entitlement of the catalog or of a grant, with grants by status", async () => {
    const { listEntitlements } = await import("@/lib/entitlements/queries/list-entitlements");
    const rows = await listEntitlements(viewer);
    const mine = rows.filter((r) => [A, B, C].includes(r.id));
    expect(mine).toEqual([
      {
        id: C,
        name: "Archived bundle",
        integrationType: "digital_files",
        isActive: false,
        byStatus: {},
        total: 0,
      },
      {
        id: A,
        name: "Discord VIP role",
        integrationType: "discord",
        isActive: true,
        byStatus: { Delivered: 3, Failed: 4, Pending: 2 },
        total: 9,
      },
      {
        id: B,
        name: null,
        integrationType: "github",
        isActive: null,
        byStatus: { Pending: 1 },
        total: 1,
      },
    ]);
  });

  it("read one entitlement; null for an id nothing names", async () => {
    const { getEntitlement } = await import("@/lib/entitlements/queries/get-entitlement");
    expect(await getEntitlement(viewer, A)).toMatchObject({
      name: "Discord VIP role",
      integrationType: "discord",
      byStatus: { Delivered: 3, Failed: 4, Pending: 2 },
      total: 9,
    });
    expect(await getEntitlement(viewer, B)).toMatchObject({
      name: null,
      integrationType: "github",
      total: 1,
    });
    expect(await getEntitlement(viewer, C)).toMatchObject({ name: "Archived bundle", total: 0 });
    expect(await getEntitlement(viewer, "ent_never_seen")).toBeNull();
  });

  it("follow a grant that changes status or entitlement (the summary's triggers)", async () => {
    const { getEntitlement } = await import("@/lib/entitlements/queries/get-entitlement");
    const { getDb } = await import("@/lib/db");
    const db = await getDb();
    await db.grant.update({
      where: { id: "g_ent_10" },
      data: { entitlementId: "ent_pages_moved" },
    });
    expect(await getEntitlement(viewer, B)).toBeNull();
    expect(await getEntitlement(viewer, "ent_pages_moved")).toMatchObject({
      byStatus: { Pending: 1 },
    });
    await db.grant.update({ where: { id: "g_ent_10" }, data: { entitlementId: B } });
    expect((await getEntitlement(viewer, B))?.byStatus).toEqual({ Pending: 1 });
  });

  it("count the 7- and 30-day windows, and list the waiting consents", async () => {
    const { getEntitlementActivity } =
      await import("@/lib/entitlements/queries/get-entitlement-activity");
    const { windows, consents } = await getEntitlementActivity(viewer, A, NOW);
    // The median comes from the latency histogram: within its resolution of the exact one.
    const { MEDIAN_RESOLUTION_RATIO } = await import("@/lib/grants/latency-histogram");
    const medians = windows.map((w) => w.medianDeliveryMs);
    for (const [median, exact] of [
      [medians[0], 20_000],
      [medians[1], 30_000],
    ] as const) {
      expect(median).toBeGreaterThanOrEqual(exact / MEDIAN_RESOLUTION_RATIO);
      expect(median).toBeLessThanOrEqual(exact * MEDIAN_RESOLUTION_RATIO);
    }
    expect(windows.map(({ medianDeliveryMs: _, ...counts }) => counts)).toEqual([
      {
        days: 7,
        created: 4,
        failed: 1,
        failureRate: 0.25,
        topErrorCodes: [{ code: "discord_role_not_found", count: 1 }],
      },
      {
        days: 30,
        created: 8,
        failed: 3,
        failureRate: 3 / 8,
        topErrorCodes: [
          { code: "discord_role_not_found", count: 2 },
          { code: "discord_guild_not_found", count: 1 },
        ],
      },
    ]);
    expect(consents?.map((c) => [c.id, c.oauthExpiresAt?.toISOString()])).toEqual([
      ["g_ent_4", ago(-1)],
      ["g_ent_8", ago(19)],
    ]);
    const none = await getEntitlementActivity(viewer, B, NOW);
    expect(none.consents).toEqual([]);
    // Said by the integration: a license key has no consent link, so none are looked for;
    // an OAuth one (or one not known yet) still lists them.
    expect((await getEntitlementActivity(viewer, A, NOW, "license_key")).consents).toBeNull();
    expect((await getEntitlementActivity(viewer, A, NOW, "discord")).consents).toHaveLength(2);
    const consentReads = await queriesOf(
      () => getEntitlementActivity(viewer, A, NOW, "license_key"),
      "Grant",
    );
    expect(consentReads.filter((query) => query.sql.includes("oauthUrl"))).toEqual([]);
    expect(none.windows[0]).toMatchObject({
      created: 1,
      failed: 0,
      failureRate: 0,
      medianDeliveryMs: null,
    });
  });

  const readers: [string, () => Promise<unknown>][] = [
    [
      "list",
      async () =>
        (await import("@/lib/entitlements/queries/list-entitlements")).listEntitlements(viewer),
    ],
    [
      "one entitlement",
      async () =>
        (await import("@/lib/entitlements/queries/get-entitlement")).getEntitlement(viewer, B),
    ],
    [
      "windows and consents",
      async () =>
        (
          await import("@/lib/entitlements/queries/get-entitlement-activity")
        ).getEntitlementActivity(viewer, A, NOW),
    ],
  ];
  for (const [name, run] of readers) {
    it(`${name}: every statement on Grant or its counters an index search`, async () => {
      const problems: string[] = [];
      let statements = 0;
      for (const table of ["Grant", "GrantSummary", "EntitlementDaily", "EntitlementLatency"]) {
        const queries = await queriesOf(run, table);
        statements += queries.length;
        for (const query of queries) {
          const plan = await explain(provider, process.env.DATABASE_URL!, query);
          const bad =
            provider === "sqlite"
              ? // "SCAN CONSTANT ROW" and "SCAN given": the ids the statement was given, no table.
                plan.filter(
                  (line) =>
                    /\b(SCAN|TEMP B-TREE)\b/.test(line) &&
                    !/^SCAN (CONSTANT ROW|given)$/.test(line.trim()),
                )
              : [
                  ...planProblems(provider, plan),
                  ...(plan.some((line) => /Index Cond/.test(line)) ? [] : ["no Index Cond"]),
                ];
          if (bad.length) problems.push(`${table}: ${query.sql}\n  ${plan.join("\n  ")}`);
        }
      }
      expect(statements).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  }
});
