// Rows for the alert tests, written straight into the tables the rules read: a storm of 500
// failures through the webhook route would spend the test's time on ingestion, which has its own
// tests.
import { getDb } from "@/lib/db";

let next = 0;

type GrantFields = {
  status: string;
  updatedAt: Date;
  createdAt?: Date;
  deliveredAt?: Date | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  entitlementId?: string;
  integrationType?: string;
  revocationReason?: string | null;
  revokedAt?: Date | null;
  oauthUrl?: string | null;
  oauthExpiresAt?: Date | null;
};

export async function insertGrants(count: number, fields: GrantFields): Promise<string[]> {
  const db = await getDb();
  const ids = Array.from({ length: count }, () => `grant_alert_${++next}`);
  await db.grant.createMany({
    data: ids.map((id) => ({
      id,
      businessId: "bus_test",
      customerId: `cus_${next % 7}`,
      entitlementId: fields.entitlementId ?? "ent_alert",
      integrationType: fields.integrationType ?? "license_key",
      status: fields.status,
      createdAt: fields.createdAt ?? fields.updatedAt,
      updatedAt: fields.updatedAt,
      deliveredAt: fields.deliveredAt ?? null,
      errorCode: fields.errorCode ?? null,
      errorMessage: fields.errorMessage ?? null,
      revocationReason: fields.revocationReason ?? null,
      revokedAt: fields.revokedAt ?? null,
      oauthUrl: fields.oauthUrl ?? null,
      oauthExpiresAt: fields.oauthExpiresAt ?? null,
      rawSnapshot: "{}",
      snapshotTimestampUs: BigInt(fields.updatedAt.getTime()) * 1000n,
      snapshotOrder: String(fields.updatedAt.getTime()).padStart(20, "0"),
    })),
  });
  return ids;
}

export async function insertDeliveries(times: Date[]): Promise<void> {
  const db = await getDb();
  await db.webhookEvent.createMany({
    data: times.map((receivedAt) => ({
      id: `msg_alert_${++next}`,
      type: "entitlement_grant.updated",
      receivedAt,
      outcome: "applied",
    })),
  });
}

/** Clears what the alert rules read and what they wrote, between tests. */
export async function clearAlertData(): Promise<void> {
  const db = await getDb();
  await db.alertDelivery.deleteMany();
  await db.alertIncident.deleteMany();
  await db.alertChannel.deleteMany();
  await db.alertSetting.deleteMany();
  await db.signatureFailureCount.deleteMany();
  await db.schedulerLease.deleteMany();
  await db.grant.deleteMany();
  await db.webhookEvent.deleteMany();
  await db.syncRun.deleteMany();
}

export const minutesAgo = (now: Date, minutes: number) =>
  new Date(now.getTime() - minutes * 60_000);
