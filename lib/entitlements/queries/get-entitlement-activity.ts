// /entitlements/[id]: failure rate, top error codes and median delivery over 7 and 30 days, and
// the OAuth consents still waiting for the customer. The windows come from the trigger-kept
// per-day counters (~30 days × a few rows, whatever the grant count); the consents are one index
// range of this entitlement's grants (plans asserted by tests/integration/entitlement-queries.test.ts).
import "server-only";
import { getDb } from "@/lib/db";
import { windowStats, type WindowStats } from "@/lib/entitlements/window-stats";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import { lastDays } from "@/lib/grants/daily-buckets";
import { integrationInfo } from "@/lib/grants/labels/integrations";

export const WINDOWS = [7, 30] as const;
const CONSENTS_SHOWN = 25;

export type PendingConsent = {
  id: string;
  customerId: string;
  createdAt: Date;
  oauthExpiresAt: Date | null;
};

/** The counters of the longest window: one key range each on (entitlementId, day). */
async function readWindowCounters(entitlementId: string, now: Date) {
  const db = await getDb();
  const days = lastDays(Math.max(...WINDOWS), now);
  const where = { entitlementId, day: { gte: days[0]!, lte: days.at(-1)! } };
  const select = { day: true, count: true } as const;
  const [daily, latency] = await Promise.all([
    db.entitlementDaily.findMany({ where, select: { ...select, metric: true, key: true } }),
    db.entitlementLatency.findMany({ where, select: { ...select, bucket: true } }),
  ]);
  return { daily, latency };
}

/**
 * Pending grants with a consent link, newest first: the (entitlementId, status, updatedAt, id)
 * range walked backwards, stopping at the page's worth of matches.
 */
async function listPendingConsents(entitlementId: string): Promise<PendingConsent[]> {
  const db = await getDb();
  return db.grant.findMany({
    where: { entitlementId, status: "Pending", oauthUrl: { not: null } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: CONSENTS_SHOWN,
    select: { id: true, customerId: true, createdAt: true, oauthExpiresAt: true },
  });
}

/**
 * `integrationType`, when known: an integration without consent links (a license key, files)
 * lists none without reading its Pending grants, which for a large license-key entitlement at
 * 1,000,000 grants were ~6,000 table reads (45–57 ms) to find nothing.
 */
export async function getEntitlementActivity(
  viewer: Viewer,
  entitlementId: string,
  now = new Date(),
  integrationType: string | null = null,
): Promise<{
  windows: WindowStats[];
  consents: PendingConsent[] | null;
  consentsShown: number;
}> {
  assertCan(viewer, "grants:read");
  const needsConsent = integrationType === null || integrationInfo(integrationType).oauth;
  const [counters, consents] = await Promise.all([
    readWindowCounters(entitlementId, now),
    needsConsent ? listPendingConsents(entitlementId) : null,
  ]);
  return {
    windows: WINDOWS.map((days) => windowStats(counters.daily, counters.latency, days, now)),
    consents,
    consentsShown: CONSENTS_SHOWN,
  };
}
