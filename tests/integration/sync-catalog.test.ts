// The parts of a sync that name things: the entitlement catalog, subscriptions, and customers we
// know only as an id, against the local Dodo stand-in and a real database (both providers).
// Webhooks and the API share one merge rule: whichever report is newer wins, in either order.
import { beforeEach, describe, expect, inject, it } from "vitest";
import { startDodoMock } from "../../scripts/dodo-mock/server";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";
import { testViewer } from "../support/viewers";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);
const mock = await startDodoMock({ apiKey: "test_dodo_key" });
process.env.DODO_PAYMENTS_API_KEY = "test_dodo_key";
process.env.DODO_PAYMENTS_BASE_URL = mock.url;

const { getDb } = await import("@/lib/db");
const { runSync } = await import("@/lib/dodo/sync");
const { dodoClient } = await import("@/lib/dodo/client");
const { fillUnknownCustomers, refreshCustomer, syncSubscriptions } =
  await import("@/lib/dodo/sync-customers");
const { refreshEntitlement } = await import("@/lib/dodo/sync-catalog");
const { Refusal } = await import("@/lib/refusal");
const { unknownIdsNamedByGrants } = await import("@/lib/dodo/unknown-ids");
const admin = testViewer("admin");
const support = testViewer("support");

let counter = 0;
const unique = (name: string) => `${name}_${++counter}`;
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

beforeEach(async () => {
  mock.reset();
  const db = await getDb();
  await db.syncRun.deleteMany();
});

const customer = async (id: string) => (await getDb()).customer.findUnique({ where: { id } });
const subscription = async (id: string) =>
  (await getDb()).subscription.findUnique({ where: { id } });
const retrieved = (prefix: string) =>
  mock
    .requests()
    .filter((r) => r.path.startsWith(prefix))
    .map((r) => r.path);

function payment(customerId: string, timestamp: string, email: string, name: string) {
  return {
    business_id: "bus_test",
    type: "payment.succeeded",
    timestamp,
    data: {
      payload_type: "Payment",
      payment_id: unique("pay"),
      status: "succeeded",
      customer: { customer_id: customerId, email, name },
    },
  };
}

function subscriptionEvent(
  type: string,
  id: string,
  customerId: string,
  timestamp: string,
  profile = { email: "sub@example.com", name: "Sub Scriber" },
) {
  return {
    business_id: "bus_test",
    type,
    timestamp,
    data: {
      payload_type: "Subscription",
      subscription_id: id,
      status: type.replace("subscription.", ""),
      product_id: "pdt_pro",
      next_billing_date: "2026-12-10T00:00:00Z",
      customer: { customer_id: customerId, ...profile },
    },
  };
}

describe(`the catalog and the people behind grants (${provider})`, () => {
  it("fills a customer known from a grant only, and one known only as an id, then asks no more", async () => {
    const [fromGrant, idOnly] = [unique("cus_mock_ada_lovelace"), unique("cus_idonly")];
    mock.addEntitlement({ id: "ent_cat_keys", integration_type: "license_key" });
    mock.addGrant({
      id: unique("grant_cat"),
      entitlement_id: "ent_cat_keys",
      customer_id: fromGrant,
    });
    mock.addCustomer({ customer_id: idOnly, email: " Id.Only@Example.com ", name: "Id Only" });
    // license_key.* events name the customer by id alone: a row without an email.
    await deliver({
      business_id: "bus_test",
      type: "license_key.created",
      timestamp: "2026-03-01T10:00:00Z",
      data: { payload_type: "LicenseKey", id: unique("lic"), customer_id: idOnly },
    });
    expect(await customer(idOnly)).toMatchObject({ email: null, profileOrder: null });

    const result = await runSync(admin, { trigger: "cli" });
    expect(result).toMatchObject({ status: "succeeded", error: null, counts: { seen: 1 } });
    expect(await customer(fromGrant)).toMatchObject({
      email: `${fromGrant.replace(/^cus_mock_/, "").replaceAll("_", ".")}@example.com`,
      name: expect.stringMatching(/^Ada Lovelace/),
      source: "api",
      profileEventAt: expect.any(Date),
    });
    expect(await customer(idOnly)).toMatchObject({
      email: "Id.Only@Example.com",
      emailNormalized: "id.only@example.com",
      name: "Id Only",
      nameNormalized: "id only",
      source: "api",
    });
    expect(retrieved("/customers/").sort()).toEqual(
      [`/customers/${fromGrant}`, `/customers/${idOnly}`].sort(),
    );

    const before = mock.requests().length;
    await runSync(admin, { trigger: "cli" });
    expect(
      mock
        .requests()
        .slice(before)
        .filter((r) => r.path.startsWith("/customers/")),
    ).toEqual([]);
  });

  it("never fills back a customer whose personal data was erased (customer:forget)", async () => {
    // Fixed ids: unique() would shift the ids (and so the order) of the tests after this one.
    const [id, sub] = ["cus_mock_erased_person", "sub_erased"];
    await deliver({
      business_id: "bus_test",
      type: "payment.succeeded",
      timestamp: "2026-03-01T10:00:00Z",
      data: {
        payment_id: "pay_erased",
        customer: { customer_id: id, email: "erased@example.com", name: "Erased Person" },
      },
    });
    mock.addCustomer({ customer_id: id, email: "erased@example.com", name: "Erased Person" });
    mock.addSubscription({ subscription_id: sub, customer_id: id, status: "active" });
    const { forgetCustomer } = await import("@/lib/customers/forget-customer");
    await forgetCustomer(admin, id);
    const result = await runSync(admin, { trigger: "cli" });
    expect(result).toMatchObject({ status: "succeeded" });
    // The subscription itself is stored; the person it carries is not.
    expect(await subscription(sub)).toMatchObject({ status: "active" });
    expect(await customer(id)).toMatchObject({ email: null, name: null, source: "forgotten" });
    expect(retrieved(`/customers/${id}`)).toEqual([]);
  });

  it("reads at most the per-run pages of subscriptions, and says so", async () => {
    for (let i = 0; i < 150; i++)
      mock.addSubscription({
        subscription_id: unique("sub_many"),
        customer_id: unique("cus_many"),
        status: "active",
      });
    const beat = async () => {};
    expect(await syncSubscriptions(dodoClient(), beat, 1)).toEqual({ count: 100, capped: true });
    expect(retrieved("/subscriptions")).toHaveLength(1);
    expect(await syncSubscriptions(dodoClient(), beat, 2)).toEqual({ count: 150, capped: false });
  });

  it("retrieves at most the per-run bound, and records a customer Dodo does not know as an id", async () => {
    const db = await getDb();
    const ids = Array.from({ length: 5 }, () => unique("cus_bound"));
    await db.customer.createMany({ data: ids.map((id) => ({ id })) });
    mock.addEntitlement({ id: "ent_bound", integration_type: "github" });
    for (const id of ids.slice(0, 4))
      mock.addGrant({ id: unique("grant_bound"), entitlement_id: "ent_bound", customer_id: id });

    const first = await fillUnknownCustomers(dodoClient(), async () => {}, 3);
    expect(first).toEqual({ filled: 3, notFound: 0 });
    expect(retrieved("/customers/")).toHaveLength(3);

    const rest = await fillUnknownCustomers(dodoClient(), async () => {}, 10);
    // The fifth has no grant at the stand-in: Dodo answers 404, the row stays an id.
    expect(rest).toEqual({ filled: 1, notFound: 1 });
    expect(await db.customer.count({ where: { id: { in: ids }, email: null } })).toBe(1);
    // Asked once: the next run does not spend its bound on the one Dodo does not know.
    const asked = retrieved("/customers/").length;
    expect(await fillUnknownCustomers(dodoClient(), async () => {}, 10)).toEqual({
      filled: 0,
      notFound: 0,
    });
    expect(retrieved("/customers/")).toHaveLength(asked);
  });

  it.each(["customer", "entitlement"] as const)(
    "finds the %s ids grants name without a row by seeking the grant index, not reading Grant",
    async (kind) => {
      const db = await getDb();
      for (let i = 0; i < 3; i++)
        await deliver(
          grantEvent("created", {
            id: unique("grant_plan"),
            customer_id: `cus_plan_${i}`,
            entitlement_id: `ent_plan_${i}`,
            updated_at: "2026-03-01T10:00:00Z",
          }),
        );
      const queries = await queriesOf(() => unknownIdsNamedByGrants(db, kind, 500));
      expect(queries).toHaveLength(1);
      const plan = await explain(provider, process.env.DATABASE_URL!, queries[0]!);
      expect(planProblems(provider, plan)).toEqual([]);
      const column = kind === "customer" ? "customerId" : "entitlementId";
      expect(plan.join("\n")).toMatch(
        provider === "sqlite"
          ? new RegExp(`SEARCH (g|Grant) USING COVERING INDEX Grant_${column}_`)
          : new RegExp(`Index Only Scan using "Grant_${column}_`),
      );
      const found = await unknownIdsNamedByGrants(db, kind, 500);
      expect(found).toEqual(
        expect.arrayContaining(
          [0, 1, 2].map((i) => `${kind === "customer" ? "cus" : "ent"}_plan_${i}`),
        ),
      );
    },
  );

  it("lands the catalog with names, types and integration config; an entitlement Dodo deleted is inactive", async () => {
    for (const integration_type of ["discord", "github", "telegram", "license_key"] as const)
      mock.addEntitlement({ id: `ent_cat_${integration_type}`, integration_type });
    mock.addEntitlement({
      id: "ent_cat_described",
      integration_type: "notion",
      name: "Creator OS",
      description: "The Notion workspace template",
    });
    // Known from a webhook only: Dodo no longer lists or retrieves it.
    await deliver(
      grantEvent("created", {
        id: unique("grant_gone"),
        entitlement_id: "ent_cat_gone",
        integration_type: "figma",
        updated_at: "2026-03-01T10:00:00Z",
      }),
    );

    expect(await runSync(admin, { trigger: "cli" })).toMatchObject({
      status: "succeeded",
      error: null,
    });
    const db = await getDb();
    const catalog = await db.entitlement.findMany({ orderBy: { id: "asc" } });
    const byId = Object.fromEntries(catalog.map((e) => [e.id, e]));
    expect(byId.ent_cat_discord).toMatchObject({
      name: "Patrons role",
      integrationType: "discord",
      isActive: true,
      businessId: expect.any(String),
      createdAt: expect.any(Date),
    });
    expect(JSON.parse(byId.ent_cat_discord!.integrationConfig)).toEqual({
      guild_id: expect.stringMatching(/^\d+$/),
      role_id: expect.stringMatching(/^\d+$/),
    });
    expect(JSON.parse(byId.ent_cat_github!.integrationConfig)).toMatchObject({
      target_id: "grantdesk-mock/pro-templates",
      permission: "pull",
    });
    expect(byId.ent_cat_described).toMatchObject({
      name: "Creator OS",
      description: "The Notion workspace template",
    });
    expect(byId.ent_cat_gone).toMatchObject({
      name: "ent_cat_gone",
      integrationType: "figma",
      isActive: false,
    });

    // Asked once: the next run does not retrieve it again.
    const before = mock.requests().length;
    await runSync(admin, { trigger: "cli" });
    expect(
      mock
        .requests()
        .slice(before)
        .map((r) => r.path),
    ).not.toContain("/entitlements/ent_cat_gone");
  });

  it("refreshes one entitlement and one customer on demand, for support too", async () => {
    mock.addEntitlement({
      id: "ent_cat_refresh",
      integration_type: "telegram",
      name: "Members chat",
    });
    mock.addCustomer({
      customer_id: "cus_refresh",
      email: "refresh@example.com",
      name: "Re Fresh",
    });
    await expect(refreshEntitlement(support, "ent_cat_refresh")).resolves.toMatchObject({
      name: "Members chat",
      integrationType: "telegram",
    });
    await expect(refreshCustomer(support, "cus_refresh")).resolves.toMatchObject({
      email: "refresh@example.com",
      name: "Re Fresh",
      source: "api",
    });
    await expect(refreshCustomer(support, "cus_nowhere")).rejects.toThrow(
      /Dodo does not know .* \(404\)/,
    );
    await expect(refreshEntitlement(support, "ent_nowhere")).rejects.toBeInstanceOf(Refusal);
    expect(await customer("cus_nowhere")).toBeNull();
  });

  describe("one merge rule for webhooks and the API", () => {
    it("a webhook newer than the fetch keeps its profile and its subscription state", async () => {
      const id = unique("cus_newer_hook");
      const sub = unique("sub_newer_hook");
      mock.addEntitlement({ id: "ent_cat_merge", integration_type: "discord" });
      mock.addCustomer({ customer_id: id, email: "api@example.com", name: "From Api" });
      mock.addSubscription({ subscription_id: sub, customer_id: id, status: "active" });
      // Stamped an hour ahead of the fetch: Dodo sent it after what the API will answer.
      await deliver(payment(id, hoursFromNow(1), "hook@example.com", "From Hook"));
      await deliver(
        subscriptionEvent("subscription.on_hold", sub, id, hoursFromNow(1), {
          email: "hook@example.com",
          name: "From Hook",
        }),
      );

      await runSync(admin, { trigger: "cli" });
      await refreshCustomer(admin, id);
      expect(await customer(id)).toMatchObject({ email: "hook@example.com", source: "webhook" });
      expect(await subscription(sub)).toMatchObject({
        status: "on_hold",
        snapshotSource: "webhook",
      });
    });

    it("a fetch newer than the webhook wins, and the older webhook arriving later does not undo it", async () => {
      const id = unique("cus_newer_fetch");
      const sub = unique("sub_newer_fetch");
      mock.addEntitlement({ id: "ent_cat_merge", integration_type: "discord" });
      mock.addCustomer({ customer_id: id, email: "api@example.com", name: "From Api" });
      mock.addSubscription({ subscription_id: sub, customer_id: id, status: "active" });
      await deliver(payment(id, hoursFromNow(-2), "first@example.com", "First Hook"));

      await runSync(admin, { trigger: "cli" });
      expect(await customer(id)).toMatchObject({ email: "api@example.com", source: "api" });
      expect(await subscription(sub)).toMatchObject({ status: "active", snapshotSource: "api" });

      // Sent an hour before the fetch, delivered after it (Dodo's order is not guaranteed).
      await deliver(payment(id, hoursFromNow(-1), "late@example.com", "Late Hook"));
      await deliver(subscriptionEvent("subscription.cancelled", sub, id, hoursFromNow(-1)));
      expect(await customer(id)).toMatchObject({ email: "api@example.com", name: "From Api" });
      expect(await subscription(sub)).toMatchObject({ status: "active" });
    });
  });

  describe("a failing catalog call does not fail the grant sync", () => {
    it.each([
      ["entitlements", "^/entitlements/ent_cat_broken$", "Entitlement catalog not refreshed"],
      ["subscriptions", "^/subscriptions$", "Subscriptions not refreshed"],
      ["customers", "^/customers/", "Customers not refreshed"],
    ])(
      "Dodo answering 500 on %s: the grants are synced and the run says why",
      async (_name, path, note) => {
        mock.addEntitlement({ id: "ent_cat_ok", integration_type: "license_key" });
        mock.addGrant({
          id: unique("grant_ok"),
          entitlement_id: "ent_cat_ok",
          customer_id: unique("cus_ok"),
        });
        // A grant only a webhook brought, under an entitlement the catalog does not hold.
        await deliver(
          grantEvent("created", {
            id: unique("grant_broken"),
            entitlement_id: "ent_cat_broken",
            customer_id: unique("cus_broken"),
            updated_at: "2026-03-01T10:00:00Z",
          }),
        );
        mock.injectFault({ method: "GET", path, status: 500, times: 100 });

        const result = await runSync(admin, { trigger: "cli" });
        expect(result).toMatchObject({ status: "succeeded", counts: { seen: 1, created: 1 } });
        expect(result.error).toContain(note);
        expect(result.error).toContain("Dodo had an error (500)");
        const run = await (
          await getDb()
        ).syncRun.findUniqueOrThrow({ where: { id: result.runId } });
        expect(run).toMatchObject({ status: "succeeded", error: result.error, seen: 1 });
        // The catalog entry Dodo listed is in whatever else failed.
        expect(
          await (await getDb()).entitlement.findUnique({ where: { id: "ent_cat_ok" } }),
        ).toMatchObject({
          name: "Desktop app license",
        });
      },
    );
  });
});
