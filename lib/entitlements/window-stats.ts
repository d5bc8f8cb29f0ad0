// An entitlement's recent health, computed from the grants created in a window (a cohort): of
// those, how many failed and with which codes, and how long the delivered ones took. A cohort is
// one index range on (entitlementId, createdAt, id), bounded by the window's own grants.
import { median } from "@/lib/grants/daily-buckets";

export type WindowGrant = {
  status: string;
  errorCode: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

export type WindowStats = {
  days: number;
  created: number;
  failed: number;
  /** failed / created; null with no grant created in the window. */
  failureRate: number | null;
  /** Failed grants by code, most first ('' = no code sent). */
  topErrorCodes: { code: string; count: number }[];
  /** Created → delivered, in ms, of the window's delivered grants (exact). */
  medianDeliveryMs: number | null;
};

const DAY_MS = 86_400_000;
const TOP_CODES = 5;

/** The stats of the grants created in the last `days` days before `now`. */
export function windowStats(grants: WindowGrant[], days: number, now: Date): WindowStats {
  const since = now.getTime() - days * DAY_MS;
  const inWindow = grants.filter((g) => g.createdAt.getTime() >= since);
  const codes = new Map<string, number>();
  const latencies: number[] = [];
  for (const g of inWindow) {
    if (g.status === "Failed")
      codes.set(g.errorCode ?? "", (codes.get(g.errorCode ?? "") ?? 0) + 1);
    // A negative latency is a clock or data error, not counted (as the overview's medians).
    const ms = g.deliveredAt ? g.deliveredAt.getTime() - g.createdAt.getTime() : -1;
    if (ms >= 0) latencies.push(ms);
  }
  const failed = [...codes.values()].reduce((a, b) => a + b, 0);
  return {
    days,
    created: inWindow.length,
    failed,
    failureRate: inWindow.length ? failed / inWindow.length : null,
    topErrorCodes: [...codes]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, TOP_CODES),
    medianDeliveryMs: median(latencies),
  };
}
