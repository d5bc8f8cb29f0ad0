// The outbox: a message per channel per incident opening or resolution, queued in the database
// and sent later by the scheduler's tick (send-outbox.ts), so evaluation and ingestion never wait
// on Slack or a mail server.
import "server-only";
import crypto from "node:crypto";
import type { Database } from "../db";

export type MessageKind = "opened" | "resolved" | "test";

/** One pending message per enabled channel; the unique (incident, channel, kind) dedupes. */
export async function queueIncidentMessages(
  db: Database,
  incidentId: string,
  kind: "opened" | "resolved",
  now: Date,
): Promise<number> {
  const channels = await db.alertChannel.findMany({
    where: { enabled: true },
    select: { id: true },
  });
  if (channels.length === 0) return 0;
  const { count } = await db.alertDelivery.createMany({
    data: channels.map((channel) => ({
      id: crypto.randomUUID(),
      channelId: channel.id,
      incidentId,
      kind,
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
  return count;
}
