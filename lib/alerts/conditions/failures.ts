// Failure rules over Grant rows that are Failed and changed within a bounded window, read through
// the (status, updatedAt, id) index: the window's rows, never the table.
import type { RuleValues } from "../rules";
import {
  ago,
  DAY_MS,
  EXAMPLES,
  grantsLink,
  MINUTE_MS,
  type ConditionContext,
  type Finding,
} from "../finding";

type Groups = Map<
  string,
  { count: number; codes: Set<string>; examples: { id: string; text: string }[] }
>;

/** Failed grants changed since `since`, grouped by `by`; at most `cap` rows are read. */
async function failedSince(
  { db }: { db: ConditionContext<unknown>["db"] },
  since: Date,
  by: "errorCode" | "entitlementId",
  cap = 50_000,
): Promise<Groups> {
  const rows = await db.grant.findMany({
    where: { status: "Failed", updatedAt: { gte: since } },
    select: { id: true, errorCode: true, errorMessage: true, entitlementId: true },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: cap,
  });
  const groups: Groups = new Map();
  for (const row of rows) {
    const key = by === "errorCode" ? (row.errorCode ?? "unknown") : row.entitlementId;
    const group = groups.get(key) ?? { count: 0, codes: new Set<string>(), examples: [] };
    group.count++;
    group.codes.add(row.errorCode ?? "unknown");
    if (group.examples.length < EXAMPLES)
      group.examples.push({ id: row.id, text: row.errorMessage ?? row.errorCode ?? "failed" });
    groups.set(key, group);
  }
  return groups;
}

/**
 * A code failing in the window that no grant had in the lookback before it. While its incident
 * is open the code stays "new" as long as it keeps failing (the lookback would otherwise see the
 * incident's own failures); once the window is clear it resolves, and the next failure of that
 * code is no longer new.
 */
export async function findNewFailureModes(
  context: ConditionContext<RuleValues<"new_failure_mode">>,
): Promise<Finding[]> {
  const { db, values, now, openKeys } = context;
  const windowStart = ago(now, values.windowMinutes * MINUTE_MS);
  const groups = await failedSince(context, windowStart, "errorCode");
  const findings: Finding[] = [];
  for (const [code, group] of groups) {
    if (code === "unknown") continue;
    if (!openKeys.has(code)) {
      // One seek on (errorCode, updatedAt, id).
      const seenBefore = await db.grant.findFirst({
        where: {
          errorCode: code,
          updatedAt: { gte: ago(windowStart, values.lookbackDays * DAY_MS), lt: windowStart },
        },
        select: { id: true },
      });
      if (seenBefore) continue;
    }
    findings.push({
      key: code,
      title: `New failure mode: ${code}`,
      count: group.count,
      examples: group.examples,
      link: grantsLink({ status: "Failed", error: code }),
    });
  }
  return findings;
}

/**
 * At least `threshold` failures of one code, or of one entitlement, within the window. A storm is
 * one incident: a code already open as a new failure mode is left to that incident (its count
 * grows there), and an entitlement whose failures are all of codes already reported is left out.
 */
export async function findFailureSpikes(
  context: ConditionContext<RuleValues<"failure_spike">>,
): Promise<Finding[]> {
  const { db, values, now } = context;
  const since = ago(now, values.windowMinutes * MINUTE_MS);
  const newModes = await db.alertIncident.findMany({
    where: { rule: "new_failure_mode", resolvedAt: null },
    select: { key: true },
  });
  const covered = new Set(newModes.map((incident) => incident.key));
  const findings: Finding[] = [];
  for (const [code, group] of await failedSince(context, since, "errorCode")) {
    if (group.count < values.threshold || covered.has(code)) continue;
    covered.add(code);
    findings.push({
      key: `code:${code}`,
      title: `${group.count} failures of ${code} in ${values.windowMinutes} min`,
      count: group.count,
      examples: group.examples,
      link: grantsLink({ status: "Failed", error: code }),
    });
  }
  for (const [entitlement, group] of await failedSince(context, since, "entitlementId")) {
    if (group.count < values.threshold || [...group.codes].every((code) => covered.has(code)))
      continue;
    findings.push({
      key: `entitlement:${entitlement}`,
      title: `${group.count} failures of entitlement ${entitlement} in ${values.windowMinutes} min`,
      count: group.count,
      examples: group.examples,
      link: grantsLink({ status: "Failed", q: entitlement }),
    });
  }
  return findings;
}
