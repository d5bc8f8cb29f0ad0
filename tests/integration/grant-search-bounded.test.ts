// A search that names a bounded set of grants (a key suffix, people by email or name, a grant or
// subscription id) is read by primary key and paged, counted and exported in memory. These tests
// hold that path to the SQL one: same rows, same order, same cursors, same counts. And they pin
// why it exists: at 1,000,000 grants SQLite answered `customerId IN (…) AND status = ?` by walking
// a status index (7.5 s a page), so no query may combine the named set with another condition.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";
import { captureQueries, queriesOf } from "../support/query-plans";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);

const TIE = "2026-05-02T12:00:00Z";
const STATUSES = ["Pending", "Delivered", "Failed", "Revoked"] as const;
const PEOPLE = [
  ["cus_bnd_0", "ada@example.com", "Ada Lovelace"],
  ["cus_bnd_1", "adam@example.com", "Adam Smith"],
  ["cus_bnd_2", "grace@example.com", "Grace Hopper"],
] as const;

beforeAll(async () => {
  for (const [index, [customerId, email, name]] of PEOPLE.entries()) {
    await deliver({
      business_id: "bus_test",
      type: "payment.succeeded",
      timestamp: "2026-05-01T10:00:00Z",
      data: { payment_id: `pay_bnd_${index}`, customer: { customer_id: customerId, email, name } },
    });
  }
  // 36 grants: a third share one updated_at (the id breaks the tie), every status and two
  // integrations per person, keys that share a suffix, and two grants per subscription.
  for (let i = 0; i < 36; i++) {
    const keyed = i % 2 === 0;
    await deliver(
      grantEvent("created", {
        id: `grant_bnd_${String(i).padStart(2, "0")}`,
        status: STATUSES[i % 4],
        ...(STATUSES[i % 4] === "Failed" ? { error_code: "github_permission_denied" } : {}),
        ...(STATUSES[i % 4] === "Revoked" ? { revocation_reason: "refund" } : {}),
        customer_id: PEOPLE[i % 3]![0],
        subscription_id: `sub_bnd_${Math.floor(i / 2)}`,
        integration_type: keyed ? "license_key" : "discord",
        license_key: keyed
          ? { key: `BND-${String(i).padStart(4, "0")}-WXYZ`, activations_used: 0 }
          : null,
        created_at: `2026-04-${String(1 + (i % 9)).padStart(2, "0")}T10:00:00Z`,
        updated_at:
          i % 3 === 0 ? TIE : `2026-05-${String(3 + (i % 7)).padStart(2, "0")}T0${i % 10}:00:00Z`,
      }),
    );
  }
});

const viewer = () => testViewer("support");

async function walk(query: Record<string, string>) {
  const { listGrants } = await import("@/lib/grants/queries/list-grants");
  const pages: string[][] = [];
  let after: string | undefined;
  let last = null;
  do {
    last = await listGrants(
      viewer(),
      parseGrantFilter({ ...query, size: "4", ...(after ? { after } : {}) }),
    );
    pages.push(last.items.map((grant) => grant.id));
    after = last.nextCursor ?? undefined;
  } while (after);
  const back: string[][] = [];
  let before = last.prevCursor ?? undefined;
  while (before) {
    const page = await listGrants(viewer(), parseGrantFilter({ ...query, size: "4", before }));
    back.unshift(page.items.map((grant) => grant.id));
    before = page.prevCursor ?? undefined;
  }
  return { forward: pages.flat(), back: [...back.flat(), ...pages.at(-1)!] };
}

/** The same filter through SQL: the `where` the search resolves to, in the list's order. */
async function reference(query: Record<string, string>) {
  const { resolveGrantQuery } = await import("@/lib/grants/queries/grant-search");
  const { keysetOrder } = await import("@/lib/grants/queries/list-grants");
  const { sortOf } = await import("@/lib/grants/grant-filters");
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const filter = parseGrantFilter(query);
  const { where, bounded } = await resolveGrantQuery(db, filter);
  const field = sortOf(filter) === "created" ? "createdAt" : "updatedAt";
  const rows = await db.grant.findMany({
    where,
    orderBy: keysetOrder(field, filter.dir),
    select: { id: true },
  });
  return { ids: rows.map((row) => row.id), bounded: bounded !== null, db };
}

const SEARCHES = [
  ["a key suffix", "WXYZ"],
  ["an email", "ADA@example.com"],
  ["a name prefix", "ada"],
  ["a grant id", "grant_bnd_08"],
  ["a subscription id", "sub_bnd_4"],
] as const;
const FILTERS: Record<string, string>[] = [
  {},
  { status: "Failed" },
  { integration: "discord", sort: "created" },
  { dir: "asc" },
  { created_from: "2026-04-02", created_to: "2026-04-06", status: "Delivered" },
];

describe(`bounded search (${provider})`, () => {
  it.each(SEARCHES.flatMap(([kind, q]) => FILTERS.map((filter) => [kind, q, filter] as const)))(
    "lists %s (%s) with %j as the SQL path does, every page forward and back",
    async (_, q, filter) => {
      const query = { q, ...filter };
      const expected = await reference(query);
      expect(expected.bounded).toBe(true);
      const { forward, back } = await walk(query);
      expect(forward).toEqual(expected.ids);
      expect(back).toEqual(expected.ids);
    },
  );

  it.each(SEARCHES)("counts and exports %s (%s) as the SQL path does", async (_, q) => {
    const { countGrantsByStatusFor, iterateGrants } =
      await import("@/lib/grants/queries/list-grants");
    const query = { q, integration: "license_key" };
    const { ids, db } = await reference(query);
    expect(ids.length).toBeGreaterThan(0);
    const counts = await countGrantsByStatusFor(viewer(), parseGrantFilter(query));
    const { resolveGrantQuery } = await import("@/lib/grants/queries/grant-search");
    const unstatused = (await resolveGrantQuery(db, parseGrantFilter(query), { withStatus: false }))
      .where;
    expect(counts.all).toBe(ids.length);
    for (const status of STATUSES)
      expect(counts.byStatus[status], status).toBe(
        await db.grant.count({ where: { AND: [unstatused, { status }] } }),
      );
    const exported: { id: string; customerEmail: string | null }[] = [];
    for await (const batch of iterateGrants(viewer(), parseGrantFilter(query), 3))
      exported.push(...batch);
    expect(exported.map((grant) => grant.id)).toEqual(ids);
    // Every batch carries the people's names, as on the SQL path.
    expect(exported.every((grant) => grant.customerEmail?.endsWith("@example.com"))).toBe(true);
  });

  it("names every grant of the people a name prefix finds, and only theirs", async () => {
    const { forward } = await walk({ q: "ada" });
    // "ada" starts Ada Lovelace and Adam Smith, not Grace Hopper: 24 of the 36 grants.
    expect(forward).toHaveLength(24);
    const { forward: grace } = await walk({ q: "grace@EXAMPLE.com", status: "Revoked" });
    expect(grace).toEqual(["grant_bnd_11", "grant_bnd_23", "grant_bnd_35"]);
  });

  it.each(SEARCHES)(
    "never combines %s (%s) with another condition in one Grant query",
    async (_, q) => {
      const { listGrants, countGrantsByStatusFor, iterateGrants } =
        await import("@/lib/grants/queries/list-grants");
      const filter = parseGrantFilter({ q, status: "Delivered", integration: "license_key" });
      const queries = await queriesOf(async () => {
        await listGrants(viewer(), filter);
        await countGrantsByStatusFor(viewer(), filter);
        for await (const batch of iterateGrants(viewer(), filter)) void batch;
      }, "Grant");
      expect(queries.length).toBeGreaterThan(0);
      for (const query of queries) {
        const where =
          query.sql.split(/\bWHERE\b/i)[1]?.split(/\b(ORDER BY|LIMIT|OFFSET)\b/i)[0] ?? "";
        const columns = new Set(
          [...where.matchAll(/[`"]Grant[`"]\.[`"](\w+)[`"]/g)].map((match) => match[1]),
        );
        // One column (the key's two go together): never the named set and a status or date.
        columns.delete("licenseKey");
        expect([...columns], query.sql).toHaveLength(1);
      }
    },
  );

  it("says when a search names more grants than it lists", async () => {
    const { getDb } = await import("@/lib/db");
    const { MAX_SEARCH_GRANTS, summarizeSearch } =
      await import("@/lib/grants/queries/grant-search");
    const { countGrantsByStatusFor } = await import("@/lib/grants/queries/list-grants");
    const db = await getDb();
    const at = new Date("2026-05-10T00:00:00Z");
    await db.grant.createMany({
      data: Array.from({ length: MAX_SEARCH_GRANTS + 5 }, (_, i) => ({
        id: `grant_many_${String(i).padStart(5, "0")}`,
        businessId: "bus_test",
        customerId: `cus_many_${i}`,
        entitlementId: "ent_test",
        integrationType: "license_key",
        status: "Delivered",
        licenseKey: `MANY-${i}-QQQQ`,
        licenseKeyLast4: "QQQQ",
        createdAt: at,
        updatedAt: at,
        rawSnapshot: "{}",
        snapshotTimestampUs: 0n,
        snapshotOrder: "0",
      })),
    });
    expect(await summarizeSearch(viewer(), "QQQQ")).toEqual({ people: [], truncated: true });
    expect((await countGrantsByStatusFor(viewer(), parseGrantFilter({ q: "QQQQ" }))).all).toBe(
      MAX_SEARCH_GRANTS,
    );
    expect((await summarizeSearch(viewer(), "WXYZ")).truncated).toBe(false);
  });
});
