// Every list filter × sort the UI and /api/v1/grants offer, every search kind, the capped counts,
// the "new since" count, page 2 and the CSV export's later batches: the SQL Prisma really sends is
// explained by the database, and none may scan the table or sort in a temporary B-tree. A change
// that drops an index or brings back the OR across columns fails here.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);
const viewer = testViewer("support");

const FILTERS: Record<string, string>[] = [
  {},
  { status: "Failed" },
  { integration: "discord" },
  { status: "Failed", integration: "discord" },
  { reason: "refund" },
  { status: "Revoked", reason: "refund" },
  { error: "oauth_token_revoked" },
  { business: "bus_plan" },
  { status: "Pending", business: "bus_plan" },
  { customer: "cus_plan_1" },
  { created_from: "2026-02-01", created_to: "2026-02-10" },
  { updated_from: "2026-03-01", updated_to: "2026-03-10" },
  { q: "grant_plan_3" },
  { q: "cus_plan_2" },
  { q: "ent_plan" },
];
// Searches that find a bounded handful of rows and sort them: a subscription or a payment has a
// few grants (one-column indexes, cheaper for every write than two composite ones), and a key
// suffix names at most MAX_KEY_MATCHES grants (grant-search.ts). Each still may not scan.
const SMALL_SORT_OK: Record<string, string>[] = [
  { q: "sub_plan_4" },
  { q: "pay_plan_5" },
  { q: "PLAN-KEY-0003-WXYZ" },
  { q: "WXYZ" },
];
// A range on one date sorted by the other, when a person chooses that sort: no single index holds
// both, so the planner sorts the range's rows; it still may not scan the table. Left unchosen, a
// created range sorts by created (defaultSort), which the index serves: tested below.
const CROSS_RANGE: Record<string, string>[] = [
  { created_from: "2026-02-01", created_to: "2026-02-10", sort: "updated" },
  { updated_from: "2026-03-01", updated_to: "2026-03-10", sort: "created" },
];

beforeAll(async () => {
  for (let i = 0; i < 12; i++) {
    await deliver(
      grantEvent("created", {
        id: `grant_plan_${i}`,
        status: ["Pending", "Delivered", "Failed", "Revoked"][i % 4]!,
        updated_at: `2026-03-0${1 + (i % 9)}T10:00:00Z`,
        created_at: `2026-02-0${1 + (i % 9)}T10:00:00Z`,
        business_id: "bus_plan",
        customer_id: `cus_plan_${i % 3}`,
        entitlement_id: "ent_plan",
        subscription_id: `sub_plan_${i}`,
        payment_id: `pay_plan_${i}`,
        integration_type: i % 2 === 0 ? "discord" : "license_key",
        ...(i % 4 === 2 ? { error_code: "oauth_token_revoked" } : {}),
        ...(i % 4 === 3 ? { revocation_reason: "refund" } : {}),
        license_key:
          i % 2 === 1 ? { key: `PLAN-KEY-000${i}-WXYZ`, activations_used: 0 } : undefined,
      }),
    );
  }
});

async function problemsOf(run: () => Promise<unknown>, allowSort = false) {
  const url = process.env.DATABASE_URL!;
  const queries = await queriesOf(run);
  expect(queries.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const query of queries) {
    const plan = await explain(provider, url, query);
    const problems = planProblems(provider, plan).filter(
      (line) => !(allowSort && /TEMP B-TREE|Sort/.test(line)),
    );
    if (problems.length > 0) found.push(`${query.sql}\n  ${plan.join("\n  ")}`);
  }
  return found;
}

describe(`grant list query plans (${provider})`, () => {
  const cases = [...FILTERS, ...SMALL_SORT_OK].flatMap((filter) =>
    ["updated", "created"].map((sort) => [JSON.stringify(filter), sort, filter] as const),
  );

  it.each(cases)("%s sorted by %s: every query an index search", async (_, sort, query) => {
    const allowSort =
      SMALL_SORT_OK.includes(query) ||
      CROSS_RANGE.some((c) => c.sort === sort && Object.keys(query).every((k) => k in c));
    const { listGrants, countGrantsByStatusFor, iterateGrants } =
      await import("@/lib/grants/queries/list-grants");
    const { countChangedSince } = await import("@/lib/grants/queries/count-changed-since");
    const filter = parseGrantFilter({ ...query, sort, size: "25" });
    const first = await listGrants(viewer, { ...filter, size: 25 });
    const cursor = first.items.at(-1);
    const problems = await problemsOf(async () => {
      await listGrants(viewer, filter);
      await countChangedSince(viewer, filter, new Date("2026-01-01"));
      if (Object.keys(query).length > 0) await countGrantsByStatusFor(viewer, filter);
      // Two batches of one row: the second carries the keyset cursor.
      const batches = iterateGrants(viewer, filter, 1);
      await batches.next();
      await batches.next();
      await batches.return(undefined);
    }, allowSort);
    expect(problems).toEqual([]);
    expect(cursor).toBeDefined();
  });

  it.each([
    { created_from: "2026-02-01", created_to: "2026-02-10" },
    { created_from: "2026-02-01" },
    { created_to: "2026-02-10", status: "Failed" },
  ])("%j with no sort chosen reads the range in index order, no sort", async (query) => {
    const { listGrants, iterateGrants } = await import("@/lib/grants/queries/list-grants");
    const filter = parseGrantFilter({ ...query, size: "25" });
    const problems = await problemsOf(async () => {
      const first = await listGrants(viewer, filter);
      expect(first.items.length).toBeGreaterThan(0);
      const row = first.items[0]!;
      const { encodeCursor } = await import("@/lib/grants/cursor");
      await listGrants(viewer, {
        ...filter,
        after: encodeCursor({ at: row.createdAt, id: row.id }),
      });
      const batches = iterateGrants(viewer, filter, 1);
      await batches.next();
      await batches.next();
      await batches.return(undefined);
    });
    expect(problems).toEqual([]);
  });

  it.each(["updated", "created"])(
    "page 2 sorted by %s seeks its cursor in the index",
    async (sort) => {
      const { listGrants } = await import("@/lib/grants/queries/list-grants");
      const first = await listGrants(
        viewer,
        parseGrantFilter({ sort, size: "25", status: "Failed" }),
      );
      const column = sort === "created" ? "createdAt" : "updatedAt";
      const filter = parseGrantFilter({ sort, size: "25", status: "Failed" });
      const firstRow = first.items[0]!;
      const { encodeCursor } = await import("@/lib/grants/cursor");
      const after = encodeCursor({ at: firstRow[column], id: firstRow.id });
      const [query] = await queriesOf(() => listGrants(viewer, { ...filter, after }));
      const plan = (await explain(provider, process.env.DATABASE_URL!, query!)).join("\n");
      // The sort column is part of the index condition, not a filter applied after the walk.
      expect(plan).toMatch(
        provider === "sqlite"
          ? new RegExp(`SEARCH .*\\(status=\\? AND ${column}<\\?\\)`)
          : new RegExp(`Index Cond: .*"${column}" <=`),
      );
    },
  );
});
