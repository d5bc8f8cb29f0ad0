// platform_external revocations within the window, through (status, revocationReason, revokedAt, id).
import type { RuleValues } from "../rules";
import {
  ago,
  EXAMPLES,
  grantsLink,
  HOUR_MS,
  type ConditionContext,
  type Finding,
} from "../finding";

const REASON = "platform_external";
const CAP = 10_000;

export async function findPlatformRevocations(
  context: ConditionContext<RuleValues<"platform_external">>,
): Promise<Finding[]> {
  const { db, values, now } = context;
  const where = {
    status: "Revoked",
    revocationReason: REASON,
    revokedAt: { gte: ago(now, values.windowHours * HOUR_MS) },
  };
  // In index order: a capped count is ordered by id otherwise, a sort of up to CAP rows.
  const count = await db.grant.count({
    where,
    orderBy: [{ revokedAt: "asc" }, { id: "asc" }],
    take: CAP,
  });
  if (count < values.threshold) return [];
  const examples = await db.grant.findMany({
    where,
    select: { id: true, entitlementId: true, customerId: true },
    orderBy: [{ revokedAt: "desc" }, { id: "desc" }],
    take: EXAMPLES,
  });
  return [
    {
      key: REASON,
      title: `${count} grants revoked on the platform's side (platform_external) in ${values.windowHours} h`,
      count,
      examples: examples.map((row) => ({
        id: row.id,
        text: `entitlement ${row.entitlementId}, customer ${row.customerId}`,
      })),
      link: grantsLink({ status: "Revoked", reason: REASON }),
    },
  ];
}
