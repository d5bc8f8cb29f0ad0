// Drains the outbox: each due message is claimed (so two ticks never send it twice), sent, and
// marked sent; a failure is retried with backoff, then given up, and shown on its channel.
import "server-only";
import crypto from "node:crypto";
import { recordAudit } from "../audit/audit-log";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb, type Database } from "../db";
import { getEnv } from "../env";
import { Refusal } from "../refusal";
import { incidentMessage, testMessage, type AlertMessage } from "./alert-message";
import { sendToChannel } from "./channels/send-to-channel";
import { digestContentSchema, digestMessage } from "./digest-message";

/** Mutable so tests can retry without waiting. */
export const outboxTimings = {
  maxAttempts: 5,
  firstRetryMs: 30_000,
  maxRetryMs: 60 * 60_000,
  /** A claimed message whose sender died is tried again after this. */
  claimMs: 2 * 60_000,
  batch: 50,
};

/** 30 s, 2 min, 8 min, 32 min, then hourly. */
export function retryDelayMs(attempts: number): number {
  return Math.min(outboxTimings.firstRetryMs * 4 ** (attempts - 1), outboxTimings.maxRetryMs);
}

type Due = Awaited<ReturnType<typeof dueMessages>>[number];

function dueMessages(db: Database, now: Date, where: { id?: string } = {}) {
  return db.alertDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, ...where },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: outboxTimings.batch,
    include: { channel: true, incident: true },
  });
}

function messageOf(due: Due): AlertMessage {
  const baseUrl = getEnv().authUrl;
  if (due.incident)
    return incidentMessage(due.incident, due.kind === "resolved" ? "resolved" : "opened", baseUrl);
  // The numbers as read when it was queued: a retry sends the same digest.
  if (due.kind === "digest") return digestMessage(digestContentSchema.parse(due.digest), baseUrl);
  return testMessage(due.channel.name);
}

async function sendOne(db: Database, due: Due, now: Date): Promise<"sent" | "retry" | "failed"> {
  const { count } = await db.alertDelivery.updateMany({
    where: { id: due.id, status: "pending", attempts: due.attempts },
    data: {
      attempts: due.attempts + 1,
      nextAttemptAt: new Date(now.getTime() + outboxTimings.claimMs),
    },
  });
  if (count === 0) return "retry"; // another tick claimed it
  const attempts = due.attempts + 1;
  try {
    await sendToChannel(due.channel, messageOf(due));
  } catch (error) {
    const lastError = (error as Error).message.slice(0, 500);
    const giveUp = attempts >= outboxTimings.maxAttempts;
    await db.alertDelivery.update({
      where: { id: due.id },
      data: {
        lastError,
        status: giveUp ? "failed" : "pending",
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      },
    });
    await db.alertChannel.update({
      where: { id: due.channelId },
      data: { lastError, lastErrorAt: now },
    });
    return giveUp ? "failed" : "retry";
  }
  await db.alertDelivery.update({
    where: { id: due.id },
    data: { status: "sent", sentAt: now, lastError: null },
  });
  await db.alertChannel.update({
    where: { id: due.channelId },
    data: { lastSentAt: now, lastError: null, lastErrorAt: null },
  });
  return "sent";
}

export type OutboxResult = { sent: number; retry: number; failed: number };

/** Sends what is due now (one batch); the scheduler calls it every tick. */
export async function sendDueAlerts(viewer: Viewer, now = new Date()): Promise<OutboxResult> {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  const result: OutboxResult = { sent: 0, retry: 0, failed: 0 };
  for (const due of await dueMessages(db, now)) result[await sendOne(db, due, now)]++;
  return result;
}

/**
 * "Send test": queues a test message and sends it at once, so the page can say whether it
 * arrived; a failure stays in the outbox and is retried like any other.
 */
export async function sendTestAlert(
  viewer: Viewer,
  channelId: string,
): Promise<{ sent: boolean; error: string | null }> {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  const now = new Date();
  const id = crypto.randomUUID();
  await db.$transaction(async (tx) => {
    const channel = await tx.alertChannel.findUnique({ where: { id: channelId } });
    if (!channel) throw new Refusal("That channel no longer exists.");
    await tx.alertDelivery.create({ data: { id, channelId, kind: "test", nextAttemptAt: now } });
    await recordAudit(
      tx,
      viewer,
      "alerts.test_sent",
      { type: "alert_channel", id: channelId },
      {
        name: channel.name,
      },
    );
  });
  const [due] = await dueMessages(db, now, { id });
  if (!due) return { sent: false, error: "the test message was already being sent" };
  const outcome = await sendOne(db, due, now);
  if (outcome === "sent") return { sent: true, error: null };
  const row = await db.alertDelivery.findUniqueOrThrow({ where: { id } });
  return { sent: false, error: row.lastError };
}
