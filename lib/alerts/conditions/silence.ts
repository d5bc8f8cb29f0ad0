// No delivery for `silentHours` while the endpoint usually receives some every hour. "Usually" is
// measured on the 24 hours before the last delivery, so it stays the same while the silence
// lasts; each hour is one seek on WebhookEvent's (receivedAt, id) index.
import type { RuleValues } from "../rules";
import { HOUR_MS, type ConditionContext, type Finding } from "../finding";

export async function findSilence(
  context: ConditionContext<RuleValues<"silence">>,
): Promise<Finding[]> {
  const { db, values, now } = context;
  // Bounded by now: without a range on receivedAt, SQLite (no statistics) scanned and sorted the
  // whole table for this one row (2.7-3.3 s at 2,000,000 events, holding the query thread).
  const last = await db.webhookEvent.findFirst({
    where: { source: "webhook", receivedAt: { lte: now } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    select: { receivedAt: true },
  });
  if (!last) return [];
  const silentMs = now.getTime() - last.receivedAt.getTime();
  if (silentMs < values.silentHours * HOUR_MS) return [];
  let busyHours = 0;
  for (let hour = 0; hour < 24; hour++) {
    const end = new Date(last.receivedAt.getTime() - hour * HOUR_MS + 1);
    const any = await db.webhookEvent.findFirst({
      where: { source: "webhook", receivedAt: { gte: new Date(end.getTime() - HOUR_MS), lt: end } },
      select: { id: true },
    });
    if (any) busyHours++;
  }
  if (busyHours < values.usualHoursOf24) return [];
  const hours = Math.floor(silentMs / HOUR_MS);
  return [
    {
      key: "webhook",
      title: `No webhook for ${hours} h (the endpoint received some in ${busyHours} of the 24 hours before): is the endpoint still configured at Dodo?`,
      count: hours,
      examples: [{ id: "last", text: `last delivery ${last.receivedAt.toISOString()}` }],
      link: "/events",
    },
  ];
}
