// Stored deliveries that failed the schema are kept (Dodo retrying would not change them). Once
// the code understands them, reprocessing parses each raw body again and, if it now passes,
// replaces the invalid row by the normal outcome, keeping its original received time.
import "server-only";
import { getDb } from "@/lib/db";
import { parseDelivery } from "./envelope";
import { TRANSACTION_OPTIONS, writeDelivery, type Outcome } from "./record-delivery";

export type ReprocessResult = { webhookId: string; outcome: Outcome | "not_found" | "not_invalid"; error?: string };

export async function reprocessEvent(webhookId: string): Promise<ReprocessResult> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const event = await tx.webhookEvent.findUnique({ where: { id: webhookId } });
    if (!event) return { webhookId, outcome: "not_found" };
    if (event.outcome !== "invalid") return { webhookId, outcome: "not_invalid" };
    const parsed = parseDelivery(event.rawBody);
    if (parsed.kind === "invalid") {
      await tx.webhookEvent.update({ where: { id: webhookId }, data: { validationError: parsed.error, processedAt: new Date() } });
      return { webhookId, outcome: "invalid", error: parsed.error };
    }
    await tx.webhookEvent.delete({ where: { id: webhookId } });
    const recorded = await writeDelivery(tx, { webhookId, body: event.rawBody, parsed, source: event.source === "api" ? "api" : "webhook", receivedAt: event.receivedAt });
    return { webhookId, outcome: recorded.outcome };
  }, TRANSACTION_OPTIONS);
}

/** Every stored invalid event, oldest first; one transaction each so one failure stops nothing. */
export async function reprocessInvalidEvents(onProgress?: (result: ReprocessResult) => void): Promise<ReprocessResult[]> {
  const db = await getDb();
  const invalid = await db.webhookEvent.findMany({ where: { outcome: "invalid" }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }], select: { id: true } });
  const results: ReprocessResult[] = [];
  for (const { id } of invalid) {
    const result = await reprocessEvent(id);
    results.push(result);
    onProgress?.(result);
  }
  return results;
}
