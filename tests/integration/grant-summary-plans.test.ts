// The summary-backed readers (overview, groups, status tabs, filter menus) as the database plans
// them: every statement on "Grant" or a summary table must SEARCH an index (a bounded range or a
// seek), never scan a table or an index, nor sort. A reader that falls back to reading the table
// fails here.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer } from "../support/viewers";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
captureQueries(provider);
const viewer = testViewer("support");
const TABLES = ["Grant", "GrantSummary", "GrantDaily", "GrantLatency"];

beforeAll(async () => {
  const at = new Date().toISOString();
  const steps = [
    { status: "Failed", error_code: "github_permission_denied" },
    { status: "Revoked", revocation_reason: "manual", revoked_at: at },
    { status: "Delivered", delivered_at: at },
  ];
  for (let i = 0; i < 6; i++) {
    await deliver(grantEvent("created", { id: `g_plan_${i}`, updated_at: at, ...steps[i % 3] }));
  }
});

async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  const problems: string[] = [];
  for (const table of TABLES) {
    const queries = await queriesOf(run, table);
    for (const query of queries) {
      const plan = await explain(provider, process.env.DATABASE_URL!, query);
      const bad =
        provider === "sqlite"
          ? // Every line reading a table must be a SEARCH (an index range or seek); "SCAN sub"
            // is Prisma's count subquery over the searched rows.
            plan.filter((line) => /\b(SCAN|TEMP B-TREE)\b/.test(line) && !/^SCAN sub$/.test(line))
          : [
              ...planProblems(provider, plan),
              ...(plan.some((line) => /Index Cond/.test(line)) ? [] : ["no Index Cond"]),
            ];
      if (bad.length) problems.push(`${table}: ${query.sql}\n  ${plan.join("\n  ")}`);
    }
  }
  return problems;
}

describe(`summary readers' query plans (${provider})`, () => {
  const readers: [string, () => Promise<unknown>][] = [
    [
      "overview",
      async () => (await import("@/lib/grants/queries/grant-stats")).getOverviewStats(viewer),
    ],
    [
      "daily series",
      async () => (await import("@/lib/grants/queries/grant-stats")).getDailySeries(viewer),
    ],
    [
      "medians",
      async () => (await import("@/lib/grants/queries/grant-stats")).getDeliveryMedians(viewer),
    ],
    [
      "failures",
      async () => (await import("@/lib/grants/queries/grant-groups")).groupFailures(viewer),
    ],
    [
      "revocations",
      async () => (await import("@/lib/grants/queries/grant-groups")).groupRevocations(viewer),
    ],
    [
      "status tabs",
      async () =>
        (await import("@/lib/grants/queries/count-every-grant")).countEveryGrantByStatus(viewer),
    ],
    [
      "filter menus",
      async () => (await import("@/lib/grants/queries/filter-options")).listFilterOptions(viewer),
    ],
  ];
  for (const [name, run] of readers) {
    it(`${name}: every statement an index search`, async () => {
      expect((await queriesOf(run, "Grant.*")).length).toBeGreaterThan(0);
      expect(await problemsOf(run)).toEqual([]);
    });
  }

  it("the four filter menus: one statement (every list render reads them)", async () => {
    const { listFilterOptions } = await import("@/lib/grants/queries/filter-options");
    expect(await queriesOf(() => listFilterOptions(viewer), "Grant.*")).toHaveLength(1);
  });
});
