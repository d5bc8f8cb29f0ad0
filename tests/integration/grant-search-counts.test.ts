// The search finds each id kind through its own probe, counts under filters stop at the cap, and
// the CSV export's keyset walk neither skips nor repeats rows that share a sort value.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { COUNT_CAP, COUNT_LIMIT, formatCount } from "@/lib/grants/count-cap";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const viewer = testViewer("support");
const TIE = new Date("2026-05-05T05:05:05Z");
const MANY = COUNT_LIMIT + 5;

async function list(query: Record<string, string>) {
  const { listGrants } = await import("@/lib/grants/queries/list-grants");
  return (await listGrants(viewer, parseGrantFilter({ size: "100", ...query }))).items.map(
    (g) => g.id,
  );
}

beforeAll(async () => {
  await deliver(
    grantEvent("created", {
      id: "entg_kind_1",
      status: "Delivered",
      updated_at: "2026-04-01T00:00:00Z",
      customer_id: "cus_kind",
      entitlement_id: "ent_kind",
      subscription_id: "sub_kind",
      payment_id: "pay_kind",
      integration_type: "license_key",
      license_key: { key: "KIND-AAAA-BBBB-C7Q9", activations_used: 0 },
    }),
  );
  // More rows than the cap, all with one updated_at, written in bulk (the webhook path would take
  // minutes): the cap shows, and the export must walk the tie by id.
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const rows = Array.from({ length: MANY }, (_, i) => ({
    id: `grant_many_${String(i).padStart(5, "0")}`,
    businessId: "bus_many",
    customerId: `cus_many_${i % 7}`,
    entitlementId: "ent_many",
    integrationType: "discord",
    status: i % 2 === 0 ? "Delivered" : "Revoked",
    createdAt: TIE,
    updatedAt: TIE,
    rawSnapshot: "{}",
    snapshotTimestampUs: 0n,
    snapshotOrder: "0",
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await db.grant.createMany({ data: rows.slice(i, i + 1000) });
  }
}, 120_000);

describe(`search, capped counts and export (${provider})`, () => {
  it.each([
    ["grant id", "entg_kind_1"],
    ["customer id", "cus_kind"],
    ["entitlement id", "ent_kind"],
    ["subscription id", "sub_kind"],
    ["payment id", "pay_kind"],
    ["whole license key", "KIND-AAAA-BBBB-C7Q9"],
    ["last 4 of the key", "C7Q9"],
    ["last 6 of the key", "B-C7Q9"],
  ])("finds the grant by its %s", async (_, q) => {
    expect(await list({ q })).toEqual(["entg_kind_1"]);
  });

  it("finds nothing for a value no grant has, or a key suffix that does not match", async () => {
    expect(await list({ q: "cus_nobody" })).toEqual([]);
    expect(await list({ q: "X-C7Q9" })).toEqual([]);
  });

  it("caps the status counts under a filter no summary covers and shows 10,000+", async () => {
    const { countGrantsByStatusFor } = await import("@/lib/grants/queries/list-grants");
    const counts = await countGrantsByStatusFor(
      viewer,
      parseGrantFilter({ business: "bus_many", updated_from: "2000-01-01" }),
    );
    expect(counts.all).toBe(COUNT_LIMIT);
    expect(counts.byStatus).toMatchObject({ Delivered: 5003, Revoked: 5003, Failed: 0 });
    expect(formatCount(counts.all)).toBe("10,000+");
    expect(formatCount(COUNT_CAP)).toBe("10,000");
    const one = await countGrantsByStatusFor(viewer, parseGrantFilter({ q: "cus_kind" }));
    expect(one).toEqual({ all: 1, byStatus: { Pending: 0, Delivered: 1, Failed: 0, Revoked: 0 } });
  });

  it("counts a business's tabs exactly, from the summaries, past the cap", async () => {
    const { countGrantsByStatusFor } = await import("@/lib/grants/queries/list-grants");
    const { getDb } = await import("@/lib/db");
    const db = await getDb();
    const counts = await countGrantsByStatusFor(viewer, parseGrantFilter({ business: "bus_many" }));
    const total = await db.grant.count({ where: { businessId: "bus_many" } });
    expect(total).toBeGreaterThan(COUNT_LIMIT);
    expect(counts.all).toBe(total);
    expect(counts.byStatus).toEqual({ Pending: 0, Delivered: 5003, Failed: 0, Revoked: 5003 });
  });

  it("caps the changed-since count and says so in the API", async () => {
    const { GET } = await import("@/app/api/v1/grants/changes/route");
    const { withApiKey } = await import("../support/viewers");
    const body = await (
      await GET(
        await withApiKey("http://localhost/api/v1/grants/changes?since=2000-01-01T00:00:00Z"),
        undefined,
      )
    ).json();
    expect(body).toEqual({ changed: COUNT_CAP, capped: true });
  });

  it("exports every row of a set tied on the sort value, once each, in small batches", async () => {
    const { iterateGrants } = await import("@/lib/grants/queries/list-grants");
    for (const dir of ["desc", "asc"]) {
      const ids: string[] = [];
      const filter = parseGrantFilter({ business: "bus_many", status: "Revoked", dir });
      for await (const batch of iterateGrants(viewer, filter, 997))
        ids.push(...batch.map((g) => g.id));
      expect(ids).toHaveLength(5003);
      expect(new Set(ids).size).toBe(5003);
      const sorted = [...ids].sort();
      expect(ids).toEqual(dir === "asc" ? sorted : sorted.reverse());
    }
  });
});
