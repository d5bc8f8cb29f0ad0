// The rows ingestion would hold after receiving these deliveries in this order, built by
// ingestion's own code: parseDelivery (lib/ingest/parse.ts) reads each body, toStoreRequest
// (lib/ingest/store.ts, which calls grantColumns and snapshotOrderKey) builds its
// event row and grant row, and the merge rule is applied as the store applies it — a grant row is
// replaced only by a greater snapshotOrder, an event not written is stale or duplicate by
// notWrittenOutcome, a webhook-id already stored writes nothing. The only values of our own are
// the times a server stamps with its clock (receivedAt, processedAt, firstSeenAt, lastChangedAt):
// here the moment each delivery arrived in the generated year, not the moment this script runs.
import { parseDelivery } from "../../lib/ingest/parse";
import { toStoreRequest } from "../../lib/ingest/store";
import { notWrittenOutcome, type Row } from "../../lib/ingest/stores/store-request";

export type ArrivingDelivery = { webhookId: string; body: string; receivedAt: Date };
export type GrantRow = Row & { id: string; snapshotOrder: string };
export type BulkRows = { grants: GrantRow[]; events: Row[] };

export function rowsAfterIngesting(deliveries: Iterable<ArrivingDelivery>): BulkRows {
  const grants = new Map<string, GrantRow>();
  const stored = new Set<string>();
  const events: Row[] = [];
  for (const { webhookId, body, receivedAt } of deliveries) {
    // A redelivery is answered from the stored row and writes nothing.
    if (stored.has(webhookId)) continue;
    stored.add(webhookId);
    const request = toStoreRequest({
      webhookId,
      body,
      parsed: parseDelivery(body),
      source: "webhook",
      receivedAt,
    });
    const event: Row = { ...request.event, processedAt: receivedAt };
    if (request.grant) {
      const current = grants.get(request.grant.id);
      if (!current || request.grant.snapshotOrder > current.snapshotOrder) {
        // The upsert keeps id and firstSeenAt and replaces every other column.
        grants.set(request.grant.id, {
          ...request.grant,
          firstSeenAt: current?.firstSeenAt ?? receivedAt,
          lastChangedAt: receivedAt,
        });
        event.outcome = "applied";
      } else {
        event.outcome = notWrittenOutcome(current.snapshotOrder, request.grant.snapshotOrder);
      }
    }
    events.push(event);
  }
  return { grants: [...grants.values()], events };
}
