// The latest daily digest for the settings page: the day it reported on, and per channel whether
// it was sent, is being retried, or was given up on.
import "server-only";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";

export async function getLastDigest(viewer: Viewer) {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  // The newest day is the first entry of the (digestDay, channelId) unique index.
  const latest = await db.alertDelivery.findFirst({
    where: { digestDay: { not: null } },
    orderBy: { digestDay: "desc" },
    select: { digestDay: true },
  });
  if (!latest?.digestDay) return null;
  const deliveries = await db.alertDelivery.findMany({
    where: { digestDay: latest.digestDay },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      attempts: true,
      sentAt: true,
      lastError: true,
      channel: { select: { name: true, kind: true } },
    },
  });
  return { day: latest.digestDay, deliveries };
}

export type LastDigest = NonNullable<Awaited<ReturnType<typeof getLastDigest>>>;
