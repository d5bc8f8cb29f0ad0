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
import { PROFILE_COLUMNS } from "../../lib/ingest/stores/sql";

export type ArrivingDelivery = { webhookId: string; body: string; receivedAt: Date };
export type GrantRow = Row & { id: string; snapshotOrder: string };
export type BulkRows = { grants: GrantRow[]; events: Row[]; customers: Row[] };

/**
 * The store's customer upsert (lib/ingest/stores/sql.ts, upsertCustomerSql) on rows in memory: a
 * greater profileOrder replaces the profile, the business is kept once known, first and last seen
 * widen. Whether anything changed decides the event's outcome, as there.
 */
function mergeCustomer(customers: Map<string, Row>, incoming: Row & { id: string }): boolean {
  const current = customers.get(incoming.id);
  if (!current) {
    customers.set(incoming.id, { ...incoming });
    return true;
  }
  const newer =
    incoming.profileOrder !== null &&
    (current.profileOrder === null || String(incoming.profileOrder) > String(current.profileOrder));
  const earlier = (incoming.firstSeenAt as Date) < (current.firstSeenAt as Date);
  const later = (incoming.lastSeenAt as Date) > (current.lastSeenAt as Date);
  const business = current.businessId === null && incoming.businessId !== null;
  if (newer) for (const column of PROFILE_COLUMNS) current[column] = incoming[column];
  if (earlier) current.firstSeenAt = incoming.firstSeenAt;
  if (later) current.lastSeenAt = incoming.lastSeenAt;
  if (business) current.businessId = incoming.businessId;
  return newer || earlier || later || business;
}

export function rowsAfterIngesting(deliveries: Iterable<ArrivingDelivery>): BulkRows {
  const grants = new Map<string, GrantRow>();
  const customers = new Map<string, Row>();
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
    // The benchmark sends no subscription.* events: their rows are not modelled here.
    if (request.subscription) throw new Error("rowsAfterIngesting: subscriptions not modelled");
    if (request.customer && mergeCustomer(customers, request.customer)) event.outcome = "applied";
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
  return { grants: [...grants.values()], events, customers: [...customers.values()] };
}
