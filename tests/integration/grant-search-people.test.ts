// The search box finds grants by the person: an email exactly (any case), a name by its start.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseGrantFilter } from "@/lib/grants/grant-filters";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);

async function listIds(q: string) {
  const { listGrants } = await import("@/lib/grants/queries/list-grants");
  const page = await listGrants(testViewer("support"), parseGrantFilter({ q, size: "100" }));
  return page.items.map((grant) => grant.id).sort();
}

const people = [
  ["cus_people_1", "Jane.Doe@Example.com", "Jane Doe"],
  ["cus_people_2", "janet@example.com", "Janet  Smith"],
  ["cus_people_3", "bob@example.com", "Bob Jane"],
] as const;

beforeAll(async () => {
  for (const [index, [customerId, email, name]] of people.entries()) {
    await deliver({
      business_id: "bus_test",
      type: "payment.succeeded",
      timestamp: "2026-03-01T10:00:00Z",
      data: {
        payment_id: `pay_people_${index}`,
        customer: { customer_id: customerId, email, name },
      },
    });
    for (const n of [1, 2])
      await deliver(
        grantEvent("created", {
          id: `grant_people_${index}_${n}`,
          status: "Pending",
          customer_id: customerId,
          updated_at: "2026-03-01T10:00:00Z",
        }),
      );
  }
});

describe("search by person", () => {
  it("finds a customer's grants by email, whatever its case and spaces", async () => {
    expect(await listIds("  jane.doe@EXAMPLE.com")).toEqual([
      "grant_people_0_1",
      "grant_people_0_2",
    ]);
  });

  it("matches an email exactly, never a part of one", async () => {
    expect(await listIds("doe@example.com")).toEqual([]);
  });

  it("finds grants by the start of a name, not by a later word", async () => {
    expect(await listIds("JAN")).toEqual([
      "grant_people_0_1",
      "grant_people_0_2",
      "grant_people_1_1",
      "grant_people_1_2",
    ]);
    expect(await listIds("janet smi")).toEqual(["grant_people_1_1", "grant_people_1_2"]);
    expect(await listIds("bob")).toEqual(["grant_people_2_1", "grant_people_2_2"]);
  });

  it("names the customers a search found, to open their page", async () => {
    const { summarizeSearch } = await import("@/lib/grants/queries/grant-search");
    const customersNamedBySearch = async (...args: Parameters<typeof summarizeSearch>) =>
      (await summarizeSearch(...args)).people;
    const viewer = testViewer("support");
    expect(await customersNamedBySearch(viewer, "JANE.DOE@example.com")).toEqual([
      { id: "cus_people_1", name: "Jane Doe", email: "Jane.Doe@Example.com" },
    ]);
    expect((await customersNamedBySearch(viewer, "jan")).map((c) => c.id)).toEqual([
      "cus_people_1",
      "cus_people_2",
    ]);
    expect(await customersNamedBySearch(viewer, "cus_people_1")).toEqual([]);
    expect(await customersNamedBySearch(viewer, undefined)).toEqual([]);
  });

  it("does not search names by a single character", async () => {
    expect(await listIds("j")).toEqual([]);
  });
});

describe(`search by person: plans (${provider})`, () => {
  it.each([
    ["an email", "jane.doe@example.com", "Customer_emailNormalized_idx"],
    ["a name prefix", "jan", "Customer_nameNormalized_idx"],
  ])("looks %s up in its own index, never reading the table", async (_, q, index) => {
    const queries = await queriesOf(() => listIds(q), "Customer");
    // The search's lookup, then the names of the page's customers (by primary key).
    const search = queries.filter((query) => query.sql.includes("Normalized"));
    expect(search).toHaveLength(1);
    expect(queries).toHaveLength(2);
    for (const query of queries) {
      const plan = await explain(provider, process.env.DATABASE_URL!, query);
      if (query === search[0]) expect(plan.join("\n")).toContain(index);
      expect(planProblems(provider, plan)).toEqual([]);
      expect(plan.join("\n")).not.toMatch(/SCAN (main\.)?Customer\b(?!.*USING)/);
    }
  });
});
