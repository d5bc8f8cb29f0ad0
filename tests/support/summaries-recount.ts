// The trigger-kept summaries recounted from every Grant row in JavaScript (independent of the
// triggers' SQL), and the stored rows in the same shape, for tests to compare.
import { bucketOf } from "@/lib/grants/latency-histogram";

type Counts = Record<string, number>;

function counter() {
  const counts = new Map<string, number>();
  return {
    add: (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1),
    sorted: (): Counts => Object.fromEntries([...counts].sort()),
  };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function recountSummaries() {
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const rows = await db.grant.findMany();
  const summary = counter();
  const daily = counter();
  const latency = counter();
  const entitlementDaily = counter();
  const entitlementLatency = counter();
  for (const g of rows) {
    summary.add("total||");
    summary.add(`status|${g.status}|`);
    summary.add(`status_integration|${g.status}|${g.integrationType}`);
    summary.add(`integration|${g.integrationType}|`);
    summary.add(`business|${g.businessId}|`);
    if (g.revocationReason) summary.add(`reason|${g.revocationReason}|`);
    if (g.errorCode) summary.add(`error_code|${g.errorCode}|`);
    summary.add(`status_error_code|${g.status}|${g.errorCode ?? ""}`);
    summary.add(`status_reason|${g.status}|${g.revocationReason ?? ""}`);
    summary.add(`status_business|${g.status}|${g.businessId}`);
    summary.add(`status_entitlement|${g.status}|${g.entitlementId}`);
    daily.add(`created||${day(g.createdAt)}`);
    if (g.deliveredAt) daily.add(`delivered||${day(g.deliveredAt)}`);
    if (g.revokedAt) daily.add(`revoked_at||${day(g.revokedAt)}`);
    if (g.status === "Failed") daily.add(`failed|${g.errorCode ?? ""}|${day(g.updatedAt)}`);
    if (g.status === "Revoked" && g.revokedAt) {
      daily.add(`revoked|${g.revocationReason ?? ""}|${day(g.revokedAt)}`);
    }
    const ms = g.deliveredAt ? g.deliveredAt.getTime() - g.createdAt.getTime() : -1;
    if (ms >= 0) latency.add(`${g.integrationType}|${day(g.deliveredAt!)}|${bucketOf(ms)}`);
    const cohort = `${g.entitlementId}|${day(g.createdAt)}`;
    entitlementDaily.add(`${cohort}|created|`);
    if (g.status === "Failed") entitlementDaily.add(`${cohort}|failed|${g.errorCode ?? ""}`);
    if (ms >= 0) entitlementLatency.add(`${cohort}|${bucketOf(ms)}`);
  }
  return {
    summary: summary.sorted(),
    daily: daily.sorted(),
    latency: latency.sorted(),
    entitlementDaily: entitlementDaily.sorted(),
    entitlementLatency: entitlementLatency.sorted(),
  };
}

export async function storedSummaries() {
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const nonZero = { where: { count: { not: 0 } } };
  const [summary, daily, latency, entitlementDaily, entitlementLatency] = await Promise.all([
    db.grantSummary.findMany(nonZero),
    db.grantDaily.findMany(nonZero),
    db.grantLatency.findMany(nonZero),
    db.entitlementDaily.findMany(nonZero),
    db.entitlementLatency.findMany(nonZero),
  ]);
  const sorted = (entries: [string, number][]): Counts => Object.fromEntries(entries.sort());
  return {
    summary: sorted(summary.map((r) => [`${r.dimension}|${r.value}|${r.detail}`, r.count])),
    daily: sorted(daily.map((r) => [`${r.metric}|${r.key}|${r.day}`, r.count])),
    latency: sorted(latency.map((r) => [`${r.integrationType}|${r.day}|${r.bucket}`, r.count])),
    entitlementDaily: sorted(
      entitlementDaily.map((r) => [`${r.entitlementId}|${r.day}|${r.metric}|${r.key}`, r.count]),
    ),
    entitlementLatency: sorted(
      entitlementLatency.map((r) => [`${r.entitlementId}|${r.day}|${r.bucket}`, r.count]),
    ),
  };
}
