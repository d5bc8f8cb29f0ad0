// What support and admins ask Dodo to do for one grant. Each writes locally only after Dodo has
// answered 2xx; a refusal or an outage comes back as a DodoActionError with a readable message
// and leaves everything as it was. Revoking and fulfilling are confirmed later by Dodo's webhook:
// until a newer snapshot arrives the grant shows the request as pending (pendingActions).
import crypto from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log";
import { assertCan, type Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { applyApiSnapshot, type AppliedSnapshot } from "./apply-snapshot";
import { dodoClient } from "./client";
import { dodoErrorMessage } from "./errors";
import { INTERACTIVE, withRetries } from "./retry";
import { listEntitlementGrants } from "./sync";
import { Refusal } from "../refusal";

export class DodoActionError extends Refusal {
  override name = "DodoActionError";
}

async function localGrant(grantId: string) {
  const db = await getDb();
  const grant = await db.grant.findUnique({
    where: { id: grantId },
    select: {
      id: true,
      entitlementId: true,
      customerId: true,
      status: true,
      integrationType: true,
      lastChangedAt: true,
    },
  });
  if (!grant) throw new DodoActionError(`no grant with id ${grantId} here`);
  return grant;
}

/** Runs a Dodo call; its failure becomes a DodoActionError carrying what to tell the person. */
async function askDodo<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = dodoErrorMessage(error);
    if (message) throw new DodoActionError(message);
    throw error;
  }
}

type AuditDetail = Record<string, string | number | boolean | null>;

/** The request (pending until Dodo's webhook confirms it) and its audit entry, in one transaction. */
async function recordRequest(
  viewer: Viewer,
  grantId: string,
  request: {
    kind: "revoke" | "fulfil";
    requestedAt: Date;
    detail: AuditDetail;
    audit: { action: "grant.revoked" | "grant.fulfilled"; detail: AuditDetail };
  },
) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.grantAction.create({
      data: {
        id: crypto.randomUUID(),
        grantId,
        kind: request.kind,
        requestedAt: request.requestedAt,
        requestedBy: viewer.label,
        detail: request.detail,
      },
    });
    await recordAudit(
      tx,
      viewer,
      request.audit.action,
      { type: "grant", id: grantId },
      request.audit.detail,
    );
  });
}

/** There is no single-grant GET: list the grant's entitlement filtered by its customer. */
export async function refreshGrant(viewer: Viewer, grantId: string): Promise<AppliedSnapshot> {
  assertCan(viewer, "grants:refresh");
  const grant = await localGrant(grantId);
  const fresh = await askDodo(async () => {
    for await (const candidate of listEntitlementGrants(
      dodoClient(),
      grant.entitlementId,
      { customer_id: grant.customerId },
      INTERACTIVE,
    )) {
      if (candidate.id === grantId) return candidate;
    }
    return null;
  });
  if (!fresh)
    throw new DodoActionError(
      `Dodo no longer lists this grant under entitlement ${grant.entitlementId} for customer ${grant.customerId}.`,
    );
  return applyApiSnapshot(fresh);
}

export async function revokeGrant(viewer: Viewer, grantId: string): Promise<void> {
  assertCan(viewer, "grants:revoke");
  const grant = await localGrant(grantId);
  // Taken before asking: Dodo's confirming webhook may land before this function writes.
  const requestedAt = new Date();
  // DELETE is idempotent at Dodo (a revoked grant stays revoked), so retrying it is safe.
  await askDodo(() =>
    withRetries(INTERACTIVE, () =>
      dodoClient().entitlements.grants.revoke(grantId, { id: grant.entitlementId }),
    ),
  );
  await recordRequest(viewer, grantId, {
    kind: "revoke",
    requestedAt,
    detail: { statusBefore: grant.status },
    audit: {
      action: "grant.revoked",
      detail: { customer: grant.customerId, statusBefore: grant.status },
    },
  });
}

export const fulfilmentSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "enter the license key to deliver")
    .max(512, "at most 512 characters"),
  activationsLimit: z.coerce
    .number()
    .int("a whole number")
    .positive("at least 1")
    .max(1_000_000)
    .optional(),
  expiresAt: z.coerce
    .date({ error: "a valid date" })
    .refine((date) => date.getTime() > Date.now(), "must be in the future")
    .optional(),
});
export type Fulfilment = z.input<typeof fulfilmentSchema>;

export async function fulfilLicenseKey(
  viewer: Viewer,
  grantId: string,
  input: Fulfilment,
): Promise<void> {
  assertCan(viewer, "grants:fulfil");
  const parsed = fulfilmentSchema.safeParse(input);
  if (!parsed.success)
    throw new DodoActionError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  const grant = await localGrant(grantId);
  if (grant.integrationType !== "license_key")
    throw new DodoActionError("only license-key grants can be fulfilled with a key");
  if (grant.status !== "Pending")
    throw new DodoActionError(
      `this grant is ${grant.status}, not Pending: there is nothing to fulfil`,
    );
  const { key, activationsLimit, expiresAt } = parsed.data;
  const requestedAt = new Date();
  // Not repeated on a 5xx or a timeout: Dodo may have delivered the key already.
  await askDodo(() =>
    withRetries({ ...INTERACTIVE, repeatable: false }, () =>
      dodoClient().entitlements.grants.fulfillLicenseKey(grantId, {
        key,
        activations_limit: activationsLimit ?? null,
        expires_at: expiresAt?.toISOString() ?? null,
      }),
    ),
  );
  // The key itself is never written outside the grant (it arrives with Dodo's webhook): only its last 4.
  const detail = {
    keyLast4: key.slice(-4),
    activationsLimit: activationsLimit ?? null,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
  await recordRequest(viewer, grantId, {
    kind: "fulfil",
    requestedAt,
    detail,
    audit: { action: "grant.fulfilled", detail },
  });
}

/** How long a confirmed request stays on the grant page, so whoever asked sees it went through. */
const RECENT_MS = 24 * 60 * 60_000;

export type RecentAction = {
  id: string;
  kind: string;
  requestedAt: Date;
  requestedBy: string;
  confirmed: boolean;
};

/**
 * Requests of the last day, newest first. Confirmed once any snapshot arrived after it (Dodo's
 * webhook, or a refresh); pending until then.
 */
export async function recentActions(
  viewer: Viewer,
  grantId: string,
  now = new Date(),
): Promise<RecentAction[]> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const grant = await db.grant.findUnique({
    where: { id: grantId },
    select: { lastChangedAt: true },
  });
  if (!grant) return [];
  const actions = await db.grantAction.findMany({
    where: { grantId, requestedAt: { gt: new Date(now.getTime() - RECENT_MS) } },
    orderBy: { requestedAt: "desc" },
  });
  return actions.map(({ id, kind, requestedAt, requestedBy }) => ({
    id,
    kind,
    requestedAt,
    requestedBy,
    confirmed: grant.lastChangedAt > requestedAt,
  }));
}
