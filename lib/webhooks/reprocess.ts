// Stored deliveries that failed the schema are kept (Dodo retrying would not change them). Once
// the code understands them, reprocessing parses each raw body again and, if it now passes,
// replaces the invalid row by the normal outcome in one transaction, keeping its received time.
import "server-only";
import { getDb, getDriver } from "@/lib/db";
import { parseDelivery } from "@/lib/ingest/parse";
import { storeDelivery, type Outcome } from "@/lib/ingest/store";
import { recordAudit } from "@/lib/audit/audit-log";
import { assertCan, type Viewer } from "@/lib/auth/viewer";
import { removedBodyNotice } from "./retention/removed-body";

export type ReprocessResult = {
  webhookId: string;
  outcome: Outcome | "not_found" | "not_invalid" | "body_removed";
  error?: string;
};

export async function reprocessEvent(viewer: Viewer, webhookId: string): Promise<ReprocessResult> {
  assertCan(viewer, "events:reprocess");
  const db = await getDb();
  const event = await db.webhookEvent.findUnique({
    where: { id: webhookId },
    select: { outcome: true, rawBody: true, bodyPrunedAt: true, receivedAt: true, source: true },
  });
  if (!event) return { webhookId, outcome: "not_found" };
  if (event.outcome !== "invalid") return { webhookId, outcome: "not_invalid" };
  // Past GRANTDESK_KEEP_INVALID_BODIES_DAYS there is nothing left to parse; Dodo's copy remains.
  if (event.rawBody === null)
    return { webhookId, outcome: "body_removed", error: removedBodyNotice(event) };
  const parsed = parseDelivery(event.rawBody);
  if (parsed.kind === "invalid") {
    await db.webhookEvent.update({
      where: { id: webhookId },
      data: { validationError: parsed.error, processedAt: new Date() },
    });
    return { webhookId, outcome: "invalid", error: parsed.error };
  }
  const source = event.source === "api" ? "api" : "webhook";
  const recorded = await storeDelivery(getDriver(), {
    webhookId,
    body: event.rawBody,
    parsed,
    source,
    receivedAt: event.receivedAt,
    replacesInvalid: true,
  });
  // The store writes on the raw driver in its own transaction; the audit line follows it.
  await recordAudit(
    db,
    viewer,
    "event.reprocessed",
    { type: "webhook_event", id: webhookId },
    { outcome: recorded.outcome },
  );
  // "duplicate" here means another process reprocessed it first: the invalid row is gone either way.
  return { webhookId, outcome: recorded.outcome };
}

/**
 * Every stored invalid event that still has its body, oldest first; one transaction each so one
 * failure stops nothing.
 */
export async function reprocessInvalidEvents(
  viewer: Viewer,
  onProgress?: (result: ReprocessResult) => void,
): Promise<ReprocessResult[]> {
  assertCan(viewer, "events:reprocess");
  const db = await getDb();
  const invalid = await db.webhookEvent.findMany({
    where: { outcome: "invalid", bodyPrunedAt: null },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const results: ReprocessResult[] = [];
  for (const { id } of invalid) {
    const result = await reprocessEvent(viewer, id);
    results.push(result);
    onProgress?.(result);
  }
  return results;
}
