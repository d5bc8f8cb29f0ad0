// Signature failures counted per minute by the webhook route (lib/alerts/signature-failures.ts).
import type { RuleValues } from "../rules";
import { ago, MINUTE_MS, type ConditionContext, type Finding } from "../finding";

export async function findSignatureFailures(
  context: ConditionContext<RuleValues<"signature_failures">>,
): Promise<Finding[]> {
  const { db, values, now } = context;
  const { _sum } = await db.signatureFailureCount.aggregate({
    where: { minute: { gte: ago(now, values.windowMinutes * MINUTE_MS) } },
    _sum: { count: true },
  });
  const count = _sum.count ?? 0;
  if (count < values.threshold) return [];
  return [
    {
      key: "webhook",
      title: `${count} webhooks refused for their signature in ${values.windowMinutes} min: check DODO_PAYMENTS_WEBHOOK_KEY (a wrong or rotated secret)`,
      count,
      examples: [],
      link: "/events",
    },
  ];
}
