// The customer page: who they are, what they have now, their subscriptions and one timeline, each
// read through an index on the customer or its few grants.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);

const customer = { customer_id: "cus_page", email: "grace@example.com", name: "Grace Hopper" };

beforeAll(async () => {
  await deliver({
    business_id: "bus_test",
    type: "subscription.on_hold",
    timestamp: "2026-12-03T08:00:00Z",
    data: {
      subscription_id: "sub_page",
      status: "on_hold",
      product_id: "pdt_pro",
      next_billing_date: "2026-12-03T00:00:00Z",
      customer,
    },
  });
  const grants = [
    ["grant_page_key", "delivered", { status: "Delivered", delivered_at: "2026-12-01T10:00:00Z" }],
    [
      "grant_page_role",
      "revoked",
      {
        status: "Revoked",
        revoked_at: "2026-12-03T08:01:00Z",
        revocation_reason: "subscription_on_hold",
        subscription_id: "sub_page",
      },
    ],
    [
      "grant_page_repo",
      "failed",
      { status: "Failed", error_code: "github_permission_denied", error_message: "no access" },
    ],
  ] as const;
  for (const [index, [id, type, data]] of grants.entries())
    await deliver(
      grantEvent(type, {
        id,
        customer_id: "cus_page",
        updated_at: `2026-12-0${index + 1}T10:00:00Z`,
        ...data,
      }),
    );
  await deliver(
    grantEvent("created", {
      id: "grant_idonly",
      customer_id: "cus_idonly",
      updated_at: "2026-12-01T10:00:00Z",
    }),
  );
});

async function page(id: string) {
  const { getCustomerPage } = await import("@/lib/customers/queries/customer-page");
  return getCustomerPage(testViewer("support"), id);
}

describe(`customer page (${provider})`, () => {
  it("shows who, what they have now (newest change first), subscriptions and one timeline", async () => {
    const found = (await page("cus_page"))!;
    expect(found.customer).toMatchObject({ name: "Grace Hopper", email: "grace@example.com" });
    expect(found.grants.map((grant) => [grant.id, grant.status])).toEqual([
      ["grant_page_repo", "Failed"],
      ["grant_page_role", "Revoked"],
      ["grant_page_key", "Delivered"],
    ]);
    expect(found.subscriptions).toEqual([
      expect.objectContaining({ id: "sub_page", status: "on_hold", productId: "pdt_pro" }),
    ]);
    expect(found.timeline.map((event) => event.grantId).sort()).toEqual([
      "grant_page_key",
      "grant_page_repo",
      "grant_page_role",
    ]);
  });

  it("shows a customer known only by id from their grants, and nothing for an unknown id", async () => {
    const idOnly = (await page("cus_idonly"))!;
    expect(idOnly.customer).toBeNull();
    expect(idOnly.grants.map((grant) => grant.id)).toEqual(["grant_idonly"]);
    expect(await page("cus_never_seen")).toBeNull();
  });

  it("explains a subscription revocation by the subscription's state", async () => {
    const { revocationSubscription } =
      await import("@/lib/customers/queries/revocation-subscription");
    const viewer = testViewer("support");
    const explained = await revocationSubscription(viewer, {
      revocationReason: "subscription_on_hold",
      subscriptionId: "sub_page",
    });
    expect(explained).toMatchObject({ id: "sub_page", explanation: { statusLabel: "On hold" } });
    expect(explained!.explanation!.text).toContain("failed on 3 Dec");
    expect(
      await revocationSubscription(viewer, {
        revocationReason: "manual",
        subscriptionId: "sub_page",
      }),
    ).toBeUndefined();
    expect(
      await revocationSubscription(viewer, {
        revocationReason: "subscription_on_hold",
        subscriptionId: "sub_unknown",
      }),
    ).toEqual({ id: "sub_unknown", explanation: null });
  });

  it("reads every table through an index, never a table scan", async () => {
    for (const table of ["Grant", "Customer", "Subscription", "WebhookEvent", "Entitlement"]) {
      const queries = await queriesOf(() => page("cus_page"), table);
      expect(queries.length, table).toBeGreaterThan(0);
      for (const query of queries) {
        const plan = await explain(provider, process.env.DATABASE_URL!, query);
        // The timeline sorts the events of the customer's few grants; that sort is bounded by them.
        const problems = planProblems(provider, plan).filter(
          (line) => table !== "WebhookEvent" || !/Sort|TEMP B-TREE/.test(line),
        );
        expect(problems, `${table}: ${query.sql}\n${plan.join("\n")}`).toEqual([]);
        expect(plan.join("\n")).not.toMatch(
          /SCAN (main\.)?(Customer|Subscription|Entitlement)\b(?!.*USING)/,
        );
      }
    }
  });
});
