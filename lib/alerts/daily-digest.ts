// The daily digest: once per UTC day, from the hour set, the alerts tick queues one message per
// enabled email channel into the outbox (sent, retried and shown like every other message). The
// unique (digestDay, channelId) key, not the lease alone, makes it one per day per channel: a
// second tick or instance finds its rows there, or fails on the key and counts it as done.
import "server-only";
import crypto from "node:crypto";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb, type Database } from "../db";
import { isUniqueViolation } from "../db-errors";
import type { DigestContent } from "./digest-message";
import { readDailyDigestSetting } from "./digest-settings";
import { digestDayDue } from "./rules";

const TOP_KEYS = 5;
const LISTED_INCIDENTS = 10;

/** Queues the digest for each enabled email channel that has none for its day; how many it queued. */
export async function queueDailyDigests(viewer: Viewer, now = new Date()): Promise<number> {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  const day = digestDayDue(await readDailyDigestSetting(db), now);
  if (!day) return 0;
  const [channels, queued] = await Promise.all([
    db.alertChannel.findMany({ where: { enabled: true, kind: "email" }, select: { id: true } }),
    db.alertDelivery.findMany({ where: { digestDay: day }, select: { channelId: true } }),
  ]);
  const done = new Set(queued.map((row) => row.channelId));
  const missing = channels.filter((channel) => !done.has(channel.id));
  // Every tick of the day after the first stops here, before reading any counter.
  if (missing.length === 0) return 0;
  const digest = await readDigestContent(db, day, now);
  let count = 0;
  for (const channel of missing) {
    try {
      await db.alertDelivery.create({
        data: {
          id: crypto.randomUUID(),
          channelId: channel.id,
          kind: "digest",
          digestDay: day,
          digest,
          nextAttemptAt: now,
          createdAt: now,
        },
      });
      count++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // queued by another tick at the same moment
    }
  }
  return count;
}

/**
 * The day's numbers from the trigger-kept counters (GrantDaily by day, GrantSummary for Pending
 * now), never the Grant table, and the open incidents: each read is a key range of a small table.
 */
async function readDigestContent(db: Database, day: string, now: Date): Promise<DigestContent> {
  const [daily, pending, openIncidents, incidents] = await Promise.all([
    db.grantDaily.findMany({
      where: { metric: { in: ["created", "delivered", "failed", "revoked"] }, day },
      select: { metric: true, key: true, count: true },
    }),
    db.grantSummary.findUnique({
      where: { dimension_value_detail: { dimension: "status", value: "Pending", detail: "" } },
      select: { count: true },
    }),
    db.alertIncident.count({ where: { resolvedAt: null } }),
    db.alertIncident.findMany({
      where: { resolvedAt: null },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      take: LISTED_INCIDENTS,
      select: { rule: true, title: true, link: true, openedAt: true },
    }),
  ]);
  const of = (metric: string) => daily.filter((row) => row.metric === metric && row.count > 0);
  const sum = (metric: string) => of(metric).reduce((total, row) => total + row.count, 0);
  const top = (metric: string) =>
    of(metric)
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, TOP_KEYS)
      .map(({ key, count }) => ({ key, count }));
  return {
    day,
    readAt: now.toISOString(),
    created: sum("created"),
    delivered: sum("delivered"),
    failed: sum("failed"),
    topErrorCodes: top("failed"),
    revoked: sum("revoked"),
    topRevocationReasons: top("revoked"),
    pendingNow: pending?.count ?? 0,
    openIncidents,
    incidents: incidents.map((incident) => ({
      ...incident,
      openedAt: incident.openedAt.toISOString(),
    })),
  };
}
