// A seeded storm of deliveries (duplicates, out of order, re-activations, several businesses)
// through the real webhook route, then every trigger-kept summary against a recount in SQL.
import { describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");

function seededRandom(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

const STEPS = [
  { status: "Pending" },
  { status: "Delivered" },
  { status: "Failed", error_code: "github_permission_denied" },
  { status: "Revoked", revocation_reason: "subscription_on_hold" },
  { status: "Delivered" },
  { status: "Revoked", revocation_reason: "manual" },
];
const TYPES = ["discord", "github", "license_key"];

function stormEvents(grants: number, random: () => number) {
  const events: ReturnType<typeof grantEvent>[] = [];
  for (let g = 0; g < grants; g++) {
    const steps = 1 + Math.floor(random() * STEPS.length);
    const base = Date.UTC(2026, 10, 1) + g * 60_000;
    for (let s = 0; s < steps; s++) {
      const at = new Date(base + s * 1000).toISOString();
      const event = grantEvent("created", {
        id: `g_storm_${g}`,
        business_id: `bus_${g % 3}`,
        integration_type: TYPES[g % TYPES.length],
        created_at: new Date(base).toISOString(),
        updated_at: at,
        ...STEPS[s],
      });
      events.push(event);
      if (random() < 0.2) events.push(event); // a duplicate delivery
    }
  }
  // Out of order: shuffle the whole storm.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

async function recount() {
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const rows = await db.grant.findMany({
    select: {
      status: true,
      integrationType: true,
      businessId: true,
      revocationReason: true,
      errorCode: true,
    },
  });
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const row of rows) {
    add("total||");
    add(`status|${row.status}|`);
    add(`status_integration|${row.status}|${row.integrationType}`);
    add(`integration|${row.integrationType}|`);
    add(`business|${row.businessId}|`);
    if (row.revocationReason) add(`reason|${row.revocationReason}|`);
    if (row.errorCode) add(`error_code|${row.errorCode}|`);
  }
  return Object.fromEntries([...counts].sort());
}

async function summaries() {
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const rows = await db.grantSummary.findMany({ where: { count: { not: 0 } } });
  return Object.fromEntries(
    rows.map((r) => [`${r.dimension}|${r.value}|${r.detail}`, r.count] as const).sort(),
  );
}

describe(`grant summaries (${provider})`, () => {
  it("match a recount of Grant after a seeded storm of webhooks", async () => {
    const events = stormEvents(60, seededRandom(13));
    for (const event of events) {
      const { status } = await deliver(event);
      expect(status).toBe(200);
    }
    const expected = await recount();
    expect(expected["total||"]).toBe(60);
    expect(await summaries()).toEqual(expected);
  });

  it("answer the status tabs and the filter menus", async () => {
    const { countAllGrantsByStatus } = await import("@/lib/grants/summaries");
    const { listFilterOptions } = await import("@/lib/grants/filter-options");
    const byStatus = await countAllGrantsByStatus(testViewer());
    const expected = await recount();
    for (const [status, count] of Object.entries(byStatus)) {
      expect(expected[`status|${status}|`]).toBe(count);
    }
    const options = await listFilterOptions(testViewer());
    expect(options.businesses).toEqual(["bus_0", "bus_1", "bus_2"]);
    expect(options.integrations).toEqual(["discord", "github", "license_key"]);
  });
});
