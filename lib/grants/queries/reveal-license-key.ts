// The one way to a grant's full license key: Reveal and Copy on the grant page
// (GET /api/v1/grants/{id}/license-key) and API clients asking with ?include=license_key.
// Each reveal writes an audit line naming who, which grant and the key's last 4 characters.
import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";

/** Which door the key went out by, as the audit log records it. */
export type RevealRoute = "license-key" | "include";

/** The key; null when the grant has none, undefined when there is no such grant. */
export async function revealLicenseKey(
  viewer: Viewer,
  grantId: string,
  via: RevealRoute,
): Promise<string | null | undefined> {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const grant = await db.grant.findUnique({ where: { id: grantId }, select: { licenseKey: true } });
  if (!grant) return undefined;
  if (grant.licenseKey === null) return null;
  // Written before the key is handed back: if the line cannot be written, the key is not sent.
  await recordAudit(
    db,
    viewer,
    "license_key.revealed",
    { type: "grant", id: grantId },
    { keyLast4: grant.licenseKey.slice(-4), via },
  );
  return grant.licenseKey;
}
