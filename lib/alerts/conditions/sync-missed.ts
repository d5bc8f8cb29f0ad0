// The latest finished re-sync found grants whose state differed from ours: missed webhooks. Open
// until a later sync finds fewer than the threshold. SyncRun's startedAt index, then SyncChange's
// (runId, at) index for the examples.
import type { RuleValues } from "../rules";
import { EXAMPLES, type ConditionContext, type Finding } from "../finding";

export async function findSyncMissedWebhooks(
  context: ConditionContext<RuleValues<"sync_missed">>,
): Promise<Finding[]> {
  const { db, values } = context;
  const run = await db.syncRun.findFirst({
    where: { status: { in: ["succeeded", "failed"] } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
  });
  if (!run) return [];
  const missed = run.created + run.updated;
  if (missed < values.threshold) return [];
  const changes = await db.syncChange.findMany({
    where: { runId: run.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: EXAMPLES,
  });
  return [
    {
      key: "sync",
      title: `The sync of ${run.startedAt.toISOString()} found ${missed} grants whose webhooks were missed`,
      count: missed,
      examples: changes.map((change) => ({
        id: change.grantId,
        text: `${change.kind}: ${change.statusBefore ?? "unknown"} → ${change.statusAfter}`,
      })),
      link: "/sync",
    },
  ];
}
