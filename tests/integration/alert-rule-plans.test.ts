// The alert rules run every minute on the server, on SQLite in the one query thread every page
// shares: a statement that reads a whole table there holds every page behind it. At 2,000,000
// events the silence rule's "last delivery" (no range on receivedAt) scanned and sorted all of
// WebhookEvent, 2.7-3.3 s a minute. Every statement the rules send on the large tables must
// search an index, so a tick costs the same at a million grants as at ten.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-rules";
import { insertDeliveries, insertGrants, minutesAgo } from "../support/alert-data";
import { captureQueries, explain, planProblems, queriesOf } from "../support/query-plans";
import { testViewer } from "../support/viewers";

const provider = inject("testProvider");
captureQueries(provider);
const admin = testViewer("admin");
const now = new Date();
const HOUR_MS = 3_600_000;

beforeAll(async () => {
  // Enough for every rule to go past its early returns: failures, stuck Pending grants with and
  // without consent links, a platform revocation, and deliveries every hour until 4 hours ago
  // (the silence rule then probes each of the 24 hours before the last one).
  await insertGrants(3, { status: "Failed", updatedAt: minutesAgo(now, 5), errorCode: "e1" });
  await insertGrants(2, { status: "Pending", updatedAt: minutesAgo(now, 120) });
  await insertGrants(1, {
    status: "Pending",
    integrationType: "discord",
    updatedAt: minutesAgo(now, 26 * 60),
    oauthUrl: "https://discord.example/oauth",
    oauthExpiresAt: minutesAgo(now, -30),
  });
  await insertGrants(1, {
    status: "Revoked",
    updatedAt: minutesAgo(now, 60),
    revokedAt: minutesAgo(now, 60),
    revocationReason: "platform_external",
  });
  await insertDeliveries(
    Array.from({ length: 30 }, (_, hour) => new Date(now.getTime() - (4 + hour) * HOUR_MS)),
  );
});

describe(`alert rules' statements (${provider})`, () => {
  for (const table of ["Grant", "WebhookEvent"]) {
    it(`on ${table}: every one an index search`, async () => {
      const queries = await queriesOf(() => evaluateAlertRules(admin, now), table);
      expect(queries.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const query of queries) {
        const plan = await explain(provider, process.env.DATABASE_URL!, query);
        const bad = planProblems(provider, plan);
        if (bad.length) problems.push(`${query.sql}\n  ${plan.join("\n  ")}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
