// The grants list, counts, search and CSV export against a real database, with data created
// through the real webhook route.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer, withApiKey } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const TIE = "2026-03-02T12:00:00Z";

async function list(query: Record<string, string>) {
  const { listGrants } = await import("@/lib/grants/queries/list-grants");
  return listGrants(testViewer("support"), parseGrantFilter(query));
}

beforeAll(async () => {
  // 60 grants: half share one updated_at (the id must break the tie), half spread over days.
  for (let i = 0; i < 60; i++) {
    const id = `grant_list_${String(i).padStart(2, "0")}`;
    const updated =
      i < 30 ? TIE : `2026-03-${String(3 + (i % 20)).padStart(2, "0")}T0${i % 10}:00:00Z`;
    const status = ["Pending", "Delivered", "Failed", "Revoked"][i % 4]!;
    const extra =
      status === "Failed"
        ? { error_code: i % 8 === 2 ? "github_permission_denied" : "oauth_token_revoked" }
        : status === "Revoked"
          ? { revocation_reason: "refund" }
          : {};
    await deliver(
      grantEvent("created", {
        id,
        status,
        updated_at: updated,
        created_at: `2026-02-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`,
        customer_id: `cus_${i % 5}`,
        subscription_id: `sub_${i}`,
        integration_type: i % 3 === 0 ? "license_key" : "discord",
        license_key:
          i % 3 === 0
            ? { key: `LIST-KEY-${String(i).padStart(4, "0")}-ABCD${i}`, activations_used: 0 }
            : null,
        ...extra,
      }),
    );
  }
});

describe(`grants list (${provider})`, () => {
  it.each([
    ["desc", "updated"],
    ["asc", "updated"],
    ["desc", "created"],
  ])("walks every page (%s by %s) forward and back without gaps or repeats", async (dir, sort) => {
    const forward: string[][] = [];
    let after: string | undefined;
    do {
      const page = await list({ dir, sort, size: "25", ...(after ? { after } : {}) });
      forward.push(page.items.map((g) => g.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    const ids = forward.flat();
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(forward.map((p) => p.length)).toEqual([25, 25, 10]);

    const last = await list({
      dir,
      sort,
      size: "25",
      after: (
        await list({
          dir,
          sort,
          size: "25",
          after: (await list({ dir, sort, size: "25" })).nextCursor!,
        })
      ).nextCursor!,
    });
    const back = await list({ dir, sort, size: "25", before: last.prevCursor! });
    expect(back.items.map((g) => g.id)).toEqual(forward[1]);
    const first = await list({ dir, sort, size: "25", before: back.prevCursor! });
    expect(first.items.map((g) => g.id)).toEqual(forward[0]);
    expect(first.prevCursor).toBeNull();
  });

  it("orders ties on updated_at by id", async () => {
    const page = await list({ size: "100", updated_from: "2026-03-02", updated_to: "2026-03-02" });
    const ids = page.items.map((g) => g.id);
    expect(ids).toHaveLength(30);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it("filters by status, error code, reason, integration and customer, and counts per status", async () => {
    expect((await list({ status: "Failed", size: "100" })).items).toHaveLength(15);
    expect(
      (
        await list({ status: "Failed", error: "github_permission_denied", size: "100" })
      ).items.every((g) => g.errorCode === "github_permission_denied"),
    ).toBe(true);
    expect((await list({ reason: "refund", size: "100" })).items).toHaveLength(15);
    expect((await list({ integration: "license_key", size: "100" })).items).toHaveLength(20);
    expect((await list({ customer: "cus_1", size: "100" })).items).toHaveLength(12);
    const { countGrantsByStatusFor } = await import("@/lib/grants/queries/list-grants");
    expect(
      await countGrantsByStatusFor(
        testViewer("support"),
        parseGrantFilter({ status: "Failed", customer: "cus_1" }),
      ),
    ).toEqual({ all: 12, byStatus: { Pending: 3, Delivered: 3, Failed: 3, Revoked: 3 } });
  });

  it("finds a grant by grant, customer or subscription id, by full license key, and by its last 4+ characters", async () => {
    expect((await list({ q: "grant_list_07" })).items.map((g) => g.id)).toEqual(["grant_list_07"]);
    expect((await list({ q: "sub_42" })).items.map((g) => g.id)).toEqual(["grant_list_42"]);
    expect((await list({ q: "cus_4", size: "100" })).items).toHaveLength(12);
    expect((await list({ q: "LIST-KEY-0009-ABCD9" })).items.map((g) => g.id)).toEqual([
      "grant_list_09",
    ]);
    expect((await list({ q: "ABCD9" })).items.map((g) => g.id)).toEqual(["grant_list_09"]);
    expect((await list({ q: "-ABCD57" })).items.map((g) => g.id)).toEqual(["grant_list_57"]);
    expect((await list({ q: "BCD" })).items).toHaveLength(0);
  });

  it("exports the whole filtered set as CSV, not just a page", async () => {
    const { GET } = await import("@/app/api/v1/grants/export/route");
    const response = await GET(
      await withApiKey("http://localhost/api/v1/grants/export?status=Delivered&size=25"),
      undefined,
    );
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,status,integration_type,business_id,customer_id,customer_email,customer_name,entitlement_id,entitlement_name,subscription_id,payment_id,revocation_reason,error_code,license_key,created_at,updated_at",
    );
    expect(lines).toHaveLength(1 + 15);
    expect(lines.every((line) => !line.includes("LIST-KEY"))).toBe(true);
  });

  it("serves the list as JSON with a next cursor", async () => {
    const { GET } = await import("@/app/api/v1/grants/route");
    const body = await (
      await GET(await withApiKey("http://localhost/api/v1/grants?size=25"), undefined)
    ).json();
    expect(body.items).toHaveLength(25);
    expect(body.next_cursor).toEqual(expect.any(String));
    expect(body.items[0]).toMatchObject({ id: expect.any(String), status: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain("LIST-KEY");
  });

  it.each([
    {},
    { status: "Failed" },
    { integration: "discord", status: "Pending" },
    { reason: "refund" },
    { error: "github_permission_denied" },
    { customer: "cus_2" },
    { created_from: "2026-02-05", created_to: "2026-02-12" },
    { updated_from: "2026-03-10", updated_to: "2026-03-10" },
    { q: "grant_list_07" },
    { q: "cus_3", status: "Revoked" },
    { q: "sub_12" },
    { q: "ABCD9" },
    { q: "nothing_like_it" },
  ])("counts changes in memory exactly as the list's where does: %j", async (query) => {
    const { countChangedSince } = await import("@/lib/grants/queries/count-changed-since");
    const { resolveGrantQuery } = await import("@/lib/grants/queries/grant-search");
    const { getDb } = await import("@/lib/db");
    const db = await getDb();
    const filter = parseGrantFilter(query);
    // Every grant here changed after 1970: the in-memory filter must count what the query does.
    const expected = await db.grant.count({ where: (await resolveGrantQuery(db, filter)).where });
    expect(await countChangedSince(testViewer("support"), filter, new Date(0))).toBe(expected);
    if (Object.keys(query).length > 0 && !("q" in query && query.q === "nothing_like_it"))
      expect(expected).toBeGreaterThan(0);
  });

  it("counts grants changed since a moment", async () => {
    const { countChangedSince } = await import("@/lib/grants/queries/count-changed-since");
    const before = new Date(Date.now() - 1);
    await deliver(
      grantEvent("delivered", {
        id: "grant_list_00",
        status: "Delivered",
        updated_at: "2026-04-01T00:00:00Z",
      }),
    );
    expect(await countChangedSince(testViewer("support"), parseGrantFilter({}), before)).toBe(1);
    expect(
      await countChangedSince(
        testViewer("support"),
        parseGrantFilter({ status: "Failed" }),
        before,
      ),
    ).toBe(0);
  });
});
