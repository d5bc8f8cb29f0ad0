// Incidents for the settings page (with what was sent where) and the open ones for the overview.
import "server-only";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";

const PAGE = 50;

/** Newest first, open and resolved, each with its messages per channel. */
export async function listIncidents(viewer: Viewer) {
  assertCan(viewer, "alerts:manage");
  const db = await getDb();
  return db.alertIncident.findMany({
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: PAGE,
    include: {
      deliveries: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          status: true,
          attempts: true,
          sentAt: true,
          lastError: true,
          channel: { select: { name: true, kind: true } },
        },
      },
    },
  });
}

export type IncidentWithDeliveries = Awaited<ReturnType<typeof listIncidents>>[number];

/** The overview's panel: what is wrong now. Support sees it too. */
export async function listOpenIncidents(viewer: Viewer) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  return db.alertIncident.findMany({
    where: { resolvedAt: null },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: 10,
    select: { id: true, rule: true, title: true, link: true, openedAt: true, count: true },
  });
}

export type OpenIncident = Awaited<ReturnType<typeof listOpenIncidents>>[number];
