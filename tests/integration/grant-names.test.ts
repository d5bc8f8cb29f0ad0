// Names everywhere: lists, the CSV export and /api/v1 show who and what a grant is for, next to
// the ids; and a grant list can be filtered by a customer's email.
import { beforeAll, describe, expect, it } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { grantListItemJsonSchema, grantJsonSchema } from "@/lib/api/v1-schemas";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer, withApiKey } from "../support/viewers";

configureWebhookSecrets(SECRET);

beforeAll(async () => {
  // Two customer ids share one email (two businesses); a third is known only by its id.
  for (const [customerId, name] of [
    ["cus_names_1", "Ada Lovelace"],
    ["cus_names_2", "Ada L."],
  ] as const)
    await deliver({
      business_id: "bus_test",
      type: "payment.succeeded",
      timestamp: "2026-03-01T10:00:00Z",
      data: {
        payment_id: `pay_${customerId}`,
        customer: { customer_id: customerId, email: "Ada@Example.com", name },
      },
    });
  const { getDb } = await import("@/lib/db");
  await (
    await getDb()
  ).entitlement.create({
    data: {
      id: "ent_names_discord",
      name: "Patrons role",
      integrationType: "discord",
      isActive: true,
      integrationConfig: JSON.stringify({ guild_id: "g1", role_id: "r1" }),
    },
  });
  for (const [id, customerId] of [
    ["grant_names_1", "cus_names_1"],
    ["grant_names_2", "cus_names_2"],
    ["grant_names_3", "cus_names_unknown"],
  ] as const)
    await deliver(
      grantEvent("created", {
        id,
        status: "Pending",
        customer_id: customerId,
        entitlement_id: "ent_names_discord",
        updated_at: "2026-03-01T10:00:00Z",
      }),
    );
});

async function list(query: Record<string, string>) {
  const { listGrants } = await import("@/lib/grants/queries/list-grants");
  return (await listGrants(testViewer("support"), parseGrantFilter({ size: "100", ...query })))
    .items;
}

describe("names next to the ids", () => {
  it("lists each grant with its customer's name and email and its entitlement's name", async () => {
    const items = await list({ q: "ent_names_discord" });
    const byId = Object.fromEntries(items.map((item) => [item.id, item]));
    expect(byId.grant_names_1).toMatchObject({
      customerId: "cus_names_1",
      customerName: "Ada Lovelace",
      customerEmail: "Ada@Example.com",
      entitlementName: "Patrons role",
    });
    // Known by id only: no name, and the id is still there.
    expect(byId.grant_names_3).toMatchObject({
      customerId: "cus_names_unknown",
      customerName: null,
      customerEmail: null,
      entitlementName: "Patrons role",
    });
  });

  it("puts the names in the CSV export beside the ids", async () => {
    const { GET } = await import("@/app/api/v1/grants/export/route");
    const response = await GET(
      await withApiKey("http://localhost/api/v1/grants/export?customer=cus_names_1"),
      undefined,
    );
    const [header, row, ...rest] = (await response.text()).trim().split("\r\n");
    expect(rest).toEqual([]);
    const cells = Object.fromEntries(header!.split(",").map((h, i) => [h, row!.split(",")[i]]));
    expect(cells).toMatchObject({
      customer_id: "cus_names_1",
      customer_email: "Ada@Example.com",
      customer_name: "Ada Lovelace",
      entitlement_id: "ent_names_discord",
      entitlement_name: "Patrons role",
    });
  });

  it("answers /api/v1 with the names, in the documented schemas", async () => {
    const { GET: listRoute } = await import("@/app/api/v1/grants/route");
    const body = await (
      await listRoute(await withApiKey("http://localhost/api/v1/grants?q=cus_names_2"), undefined)
    ).json();
    expect(body.items.map((item: unknown) => grantListItemJsonSchema.parse(item))).toEqual([
      expect.objectContaining({
        id: "grant_names_2",
        customer_name: "Ada L.",
        customer_email: "Ada@Example.com",
        entitlement_name: "Patrons role",
      }),
    ]);
    const { GET: grantRoute } = await import("@/app/api/v1/grants/[id]/route");
    const grant = await (
      await grantRoute(await withApiKey("http://localhost/api/v1/grants/grant_names_3"), {
        params: Promise.resolve({ id: "grant_names_3" }),
      })
    ).json();
    expect(grantJsonSchema.parse(grant)).toMatchObject({
      customer_id: "cus_names_unknown",
      customer_name: null,
      customer_email: null,
      entitlement_name: "Patrons role",
    });
  });
});

describe("the customer filter takes an email", () => {
  it("lists every customer id with that email, whatever its case", async () => {
    expect((await list({ customer: "ada@EXAMPLE.com" })).map((g) => g.id).sort()).toEqual([
      "grant_names_1",
      "grant_names_2",
    ]);
    expect(await list({ customer: "nobody@example.com" })).toEqual([]);
  });

  it("counts the tabs and the changes by the same people", async () => {
    const { countGrantsByStatusFor } = await import("@/lib/grants/queries/list-grants");
    const { countChangedSince } = await import("@/lib/grants/queries/count-changed-since");
    const filter = parseGrantFilter({ customer: "ada@example.com" });
    expect((await countGrantsByStatusFor(testViewer("support"), filter)).all).toBe(2);
    expect(await countChangedSince(testViewer("support"), filter, new Date(0))).toBe(2);
  });
});
