// The audit log: who revoked, fulfilled, reprocessed, created or disabled a user, created or
// revoked an API key, revealed a license key, and when. Written in the same transaction as the
// change it describes, so there is never a change without its line (or a line without its change);
// a reveal's line is written before the key is handed out.
import crypto from "node:crypto";
import { z } from "zod";
import type { Database } from "../db";
import { getDb } from "../db";
import { assertCan, type Viewer } from "../auth/viewer";
import { readSearchParams, type SearchParamsLike } from "../search-params";

export const AUDIT_ACTIONS = {
  "user.created": "created user",
  "user.role_changed": "changed the role of",
  "user.disabled": "disabled user",
  "user.enabled": "re-enabled user",
  "api_key.created": "created API key",
  "api_key.revoked": "revoked API key",
  "event.reprocessed": "reprocessed event",
  "grant.revoked": "revoked grant",
  "grant.fulfilled": "fulfilled grant",
  "license_key.revealed": "revealed the license key of",
  "sync.started": "started a sync",
  "customer.forgotten": "erased the personal data of",
  "alerts.channel_created": "added the alert channel",
  "alerts.channel_changed": "changed the alert channel",
  "alerts.channel_deleted": "removed the alert channel",
  "alerts.test_sent": "sent a test alert to",
  "alerts.rule_changed": "changed the alert rule",
  "alerts.sync_schedule_changed": "changed the sync schedule",
  "alerts.digest_changed": "changed the daily digest",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
type Tx = Pick<Database, "auditLog">;

export async function recordAudit(
  tx: Tx,
  viewer: Viewer,
  action: AuditAction,
  target: { type: string; id: string },
  detail?: Record<string, string | number | boolean | null>,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: crypto.randomUUID(),
      actorId: viewer.kind === "user" ? viewer.id : null,
      actorEmail: viewer.label,
      action,
      targetType: target.type,
      targetId: target.id,
      detail: detail ?? undefined,
    },
  });
}

export const AUDIT_PAGE_SIZE = 100;

export type AuditQuery = { action?: AuditAction; before?: string };

const auditQuerySchema = z.object({
  // Own keys only: `constructor` is "in" every object.
  action: z
    .string()
    .refine((value) => Object.hasOwn(AUDIT_ACTIONS, value), "not an action of the audit log")
    .transform((value) => value as AuditAction)
    .optional(),
  // Lines are keyed by randomUUID(); anything else cannot be a line of this log.
  before: z.uuid({ error: "not an entry of the audit log" }).optional(),
});

/** The audit page's query, and what in it did not fit (each of those left out). */
export function readAuditQuery(params: SearchParamsLike): {
  query: AuditQuery;
  problems: string[];
} {
  const { value, problems } = readSearchParams(auditQuerySchema, params);
  return { query: value, problems };
}

/** Newest first; `before` is the id of the last row of the previous page. */
export async function listAuditLog(viewer: Viewer, options: AuditQuery = {}) {
  assertCan(viewer, "audit:read");
  const db = await getDb();
  const cursor = options.before
    ? await db.auditLog.findUnique({
        where: { id: options.before },
        select: { at: true, id: true },
      })
    : null;
  const rows = await db.auditLog.findMany({
    where: {
      ...(options.action ? { action: options.action } : {}),
      ...(cursor
        ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
  });
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
