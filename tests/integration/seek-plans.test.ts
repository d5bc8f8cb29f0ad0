// The plans that keep a deep page, the CSV export and a search cheap at a million grants, asserted
// on the SQL Prisma really sends: a keyset cursor must be part of the index condition (a range the
// index seeks to), never a filter applied while walking the index from its start, which made each
// CSV batch re-read every row before it; each search probe must be one lookup in its own index;
// the events list and its filters must read their (…, receivedAt, id) index in order.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import type { EventFilter } from "@/lib/webhooks/list-events";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);
const viewer = testViewer("support");
const url = () => process.env.DATABASE_URL!;

beforeAll(async () => {
  for (let i = 0; i < 8; i++) {
    await deliver(
      grantEvent("created", {
        id: `grant_seek_${i}`,
        status: i % 2 === 0 ? "Revoked" : "Delivered",
        updated_at: `2026-04-0${1 + i}T10:00:00Z`,
        created_at: `2026-03-0${1 + i}T10:00:00Z`,
        business_id: "bus_seek",
        customer_id: `cus_seek_${i % 2}`,
        entitlement_id: "ent_seek",
        subscription_id: `sub_seek_${i}`,
        payment_id: `pay_seek_${i}`,
        integration_type: "license_key",
        ...(i % 2 === 0 ? { revocation_reason: "refund" } : {}),
        license_key: { key: `SEEK-KEY-000${i}-ABCD`, activations_used: 0 },
      }),
    );
  }
});

/** The plan of each captured query, as one string per query. */
async function plansOf(run: () => Promise<unknown>, table = "Grant"): Promise<string[]> {
  const queries = await queriesOf(run, table);
  expect(queries.length).toBeGreaterThan(0);
  return Promise.all(queries.map(async (q) => (await explain(provider, url(), q)).join("\n")));
}

/** The cursor's column is in the index condition: SQLite's `col<?` in SEARCH, PG's Index Cond. */
function seeksOn(column: string, op: "<" | ">") {
  return provider === "sqlite"
    ? new RegExp(`SEARCH .*USING (COVERING )?INDEX .*\\(.*${column}${op}\\?\\)`)
    : new RegExp(`Index Cond: .*"${column}" ${op}=`);
}

describe(`keyset seeks (${provider})`, () => {
  const cases = [
    ["updated", "desc", {}],
    ["created", "desc", {}],
    ["updated", "asc", {}],
    ["updated", "desc", { status: "Revoked" }],
    ["created", "desc", { status: "Revoked" }],
    ["updated", "desc", { reason: "refund" }],
    ["created", "asc", { business: "bus_seek" }],
  ] as const;

  it.each(cases)("CSV batches sorted by %s %s, %j: later batches seek", async (sort, dir, q) => {
    const { iterateGrants } = await import("@/lib/grants/queries/list-grants");
    const filter = parseGrantFilter({ ...q, sort, dir });
    const plans = await plansOf(async () => {
      const batches = iterateGrants(viewer, filter, 1);
      for (let i = 0; i < 3; i++) await batches.next();
      await batches.return(undefined);
    });
    expect(plans).toHaveLength(3);
    const column = sort === "created" ? "createdAt" : "updatedAt";
    // The first batch has no cursor; the two after it must seek to theirs.
    for (const plan of plans.slice(1)) {
      expect(plan).toMatch(seeksOn(column, dir === "desc" ? "<" : ">"));
      expect(planProblems(provider, plan.split("\n"))).toEqual([]);
    }
  });

  it.each(cases)("a later list page sorted by %s %s, %j seeks", async (sort, dir, q) => {
    const { listGrants } = await import("@/lib/grants/queries/list-grants");
    const filter = parseGrantFilter({ ...q, sort, dir, size: "25" });
    const first = await listGrants(viewer, { ...filter, size: 2 });
    expect(first.nextCursor).not.toBeNull();
    const plans = await plansOf(() => listGrants(viewer, { ...filter, after: first.nextCursor! }));
    const column = sort === "created" ? "createdAt" : "updatedAt";
    expect(plans[0]).toMatch(seeksOn(column, dir === "desc" ? "<" : ">"));
    expect(planProblems(provider, plans[0]!.split("\n"))).toEqual([]);
  });
});

describe(`search probes (${provider})`, () => {
  const probes = [
    ["grant id", "grant_seek_3", "id"],
    ["customer id", "cus_seek_1", "customerId"],
    ["subscription id", "sub_seek_2", "subscriptionId"],
    ["payment id", "pay_seek_4", "paymentId"],
    ["entitlement id", "ent_seek", "entitlementId"],
    ["whole key", "SEEK-KEY-0005-ABCD", "licenseKeyLast4"],
    ["key's last 6", "5-ABCD", "licenseKeyLast4"],
  ] as const;

  it.each(probes)("a search by %s: every probe one index lookup", async (_, q, column) => {
    const { resolveSearch } = await import("@/lib/grants/queries/grant-search");
    const { getDb } = await import("@/lib/db");
    const db = await getDb();
    const plans = await plansOf(() => resolveSearch(db, q));
    // One probe per id column, and the key's (the value is at least 4 characters long).
    expect(plans).toHaveLength(6);
    for (const plan of plans) {
      expect(plan).toMatch(
        provider === "sqlite"
          ? /SEARCH .*USING (COVERING |PRIMARY KEY|INDEX )/
          : /Index (Only )?Scan using/,
      );
      expect(planProblems(provider, plan.split("\n"))).toEqual([]);
    }
    // The probe of the value's own column finds it through that column's index.
    const indexOf = (plan: string) =>
      provider === "sqlite"
        ? new RegExp(`\\(${column}=\\?`).test(plan)
        : new RegExp(`Index Cond: .*"?${column}"? =`).test(plan);
    expect(plans.some(indexOf)).toBe(true);
  });
});

describe(`events list (${provider})`, () => {
  const filters: EventFilter[] = [
    { type: undefined },
    { type: undefined, outcome: "applied" },
    { type: "entitlement_grant.created" },
  ];

  it.each(filters)("%j: first and later pages read the index in order", async (filter) => {
    const { listEvents } = await import("@/lib/webhooks/list-events");
    const first = await listEvents(viewer, filter);
    expect(first.items.length).toBeGreaterThan(0);
    // A cursor from the middle of the list: the page after it must seek there.
    const middle = first.items[Math.floor(first.items.length / 2)]!;
    const { encodeCursor } = await import("@/lib/grants/cursor");
    const after = encodeCursor({ at: middle.receivedAt, id: middle.id });
    const [firstPlan, nextPlan] = await plansOf(async () => {
      await listEvents(viewer, filter);
      await listEvents(viewer, { ...filter, after });
    }, "WebhookEvent");
    for (const plan of [firstPlan!, nextPlan!])
      expect(planProblems(provider, plan.split("\n"))).toEqual([]);
    expect(nextPlan).toMatch(seeksOn("receivedAt", "<"));
  });
});

describe(`status counts under an entitlement search (${provider})`, () => {
  it("each tab's count is a range of (entitlementId, status, …), no status looked up", async () => {
    const { countGrantsByStatusFor } = await import("@/lib/grants/queries/list-grants");
    const plans = await plansOf(() =>
      countGrantsByStatusFor(viewer, parseGrantFilter({ q: "ent_seek" })),
    );
    const tabs = plans.filter((plan) =>
      provider === "sqlite"
        ? /\(entitlementId=\? AND status=\?\)/.test(plan)
        : /Index Cond: \(\("entitlementId" = .*\) AND \(status = /.test(plan),
    );
    // One count per status (GRANT_STATUSES), each through the index that holds the status.
    const { GRANT_STATUSES } = await import("@/lib/grants/labels/status");
    expect(tabs).toHaveLength(GRANT_STATUSES.length);
    for (const plan of plans) expect(planProblems(provider, plan.split("\n"))).toEqual([]);
  });
});
