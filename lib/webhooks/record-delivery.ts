// Stores one verified delivery and applies its grant snapshot, in one transaction, so an event is
// never recorded without its effect or the other way round. Race-safe without locks: the event's
// primary key (webhook-id) makes a retry a duplicate, and the grant's version column makes two
// concurrent snapshots of one grant take turns (the loser re-reads and decides again).
import "server-only";
import { getDb, type Database } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { grantColumns } from "@/lib/grants/grant-columns";
import { compareSnapshots } from "@/lib/grants/merge-rule";
import type { ParsedDelivery } from "./envelope";

export type Outcome = "applied" | "stale" | "duplicate" | "ignored" | "invalid";
export type DeliverySource = "webhook" | "api";
export type RecordedDelivery = { outcome: Outcome; type: string | null; grantId: string | null };

export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
type GrantDelivery = Extract<ParsedDelivery, { kind: "grant" }>;

const MAX_ATTEMPTS = 5;
export const TRANSACTION_OPTIONS = { maxWait: 3_000, timeout: 5_000 };

class VersionConflict extends Error {}

export async function recordDelivery(
  webhookId: string,
  body: string,
  parsed: ParsedDelivery,
  source: DeliverySource = "webhook",
): Promise<RecordedDelivery> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    const known = await findRecordedDelivery(db, webhookId);
    if (known) return { ...known, outcome: "duplicate" };
    try {
      return await db.$transaction((tx) => writeDelivery(tx, { webhookId, body, parsed, source }), TRANSACTION_OPTIONS);
    } catch (error) {
      // Another copy of this delivery (or another snapshot of this grant) committed first: look
      // again from the top, where the first case now answers "duplicate".
      const raced = isUniqueViolation(error) || error instanceof VersionConflict;
      if (!raced || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function findRecordedDelivery(db: Database, webhookId: string) {
  return db.webhookEvent.findUnique({ where: { id: webhookId }, select: { type: true, grantId: true } });
}

type DeliveryToWrite = { webhookId: string; body: string; parsed: ParsedDelivery; source: DeliverySource; receivedAt?: Date };

/** Inserts the event row and applies its snapshot; the caller owns the transaction. */
export async function writeDelivery(tx: Transaction, delivery: DeliveryToWrite): Promise<RecordedDelivery> {
  const { webhookId, body, parsed, source } = delivery;
  const now = new Date();
  const base = { id: webhookId, rawBody: body, receivedAt: delivery.receivedAt ?? now, processedAt: now, source };
  if (parsed.kind === "invalid") {
    await tx.webhookEvent.create({
      data: { ...base, type: parsed.type, grantId: parsed.grantId, outcome: "invalid", validationError: parsed.error },
    });
    return { outcome: "invalid", type: parsed.type, grantId: parsed.grantId };
  }
  const envelope = { type: parsed.type, businessId: parsed.businessId, timestamp: parsed.timestamp, timestampUs: parsed.timestampUs };
  if (parsed.kind === "other") {
    await tx.webhookEvent.create({ data: { ...base, ...envelope, outcome: "ignored" } });
    return { outcome: "ignored", type: parsed.type, grantId: null };
  }
  const outcome = await applyGrantSnapshot(tx, webhookId, parsed, source, now);
  await tx.webhookEvent.create({
    data: { ...base, ...envelope, grantId: parsed.grant.id, dataUpdatedAt: new Date(parsed.grant.updated_at), outcome },
  });
  return { outcome, type: parsed.type, grantId: parsed.grant.id };
}

/** Writes the snapshot if it is newer than the stored one; says what happened. */
async function applyGrantSnapshot(
  tx: Transaction,
  webhookId: string,
  delivery: GrantDelivery,
  source: DeliverySource,
  now: Date,
): Promise<Outcome> {
  const { grant } = delivery;
  const stored = await tx.grant.findUnique({
    where: { id: grant.id },
    select: { updatedAt: true, snapshotTimestampUs: true, status: true, version: true },
  });
  const columns = grantColumns(grant, delivery.rawSnapshot, { timestampUs: delivery.timestampUs, source, eventId: webhookId });
  if (!stored) {
    await tx.grant.create({ data: { id: grant.id, ...columns, firstSeenAt: now, lastChangedAt: now } });
    return "applied";
  }
  const incoming = { updatedAt: columns.updatedAt, timestampUs: delivery.timestampUs, status: grant.status };
  const comparison = compareSnapshots(incoming, { ...stored, timestampUs: stored.snapshotTimestampUs });
  if (comparison === "older") return "stale";
  if (comparison === "same") return "duplicate";
  const { count } = await tx.grant.updateMany({
    where: { id: grant.id, version: stored.version },
    data: { ...columns, lastChangedAt: now, version: { increment: 1 } },
  });
  if (count === 0) throw new VersionConflict(`grant ${grant.id} changed while applying ${webhookId}`);
  return "applied";
}
