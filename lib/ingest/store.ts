// Stores one verified delivery and applies its grant snapshot, in one transaction, so an event is
// never recorded without its effect or the other way round. Race-safe without locks or retries:
// the event's primary key (webhook-id) turns a concurrent copy into a duplicate, and the grant is
// written by a conditional upsert that only replaces an older snapshot. The statements run on the
// raw drivers (lib/ingest/stores/*): Prisma's per-query cost was most of a delivery's time.
// The driver is passed in: webhooks are stored by the ingestion worker on its own connections.
import type { Driver } from "@/lib/db-driver";
import type { Grant, WebhookEvent } from "@/lib/generated/prisma-sqlite/client.ts";
import { customerRow, subscriptionRow } from "@/lib/customers/customer-rows";
import { grantColumns } from "@/lib/grants/grant-columns";
import type { ParsedDelivery } from "./parse";
import type { StoreRequest, StoreResult } from "./stores/store-request";
import { findEventPostgres, storeDeliveryPostgres } from "./stores/postgres-store";
import { findEventSqlite, storeDeliverySqlite } from "./stores/sqlite-store";

export type Outcome = "applied" | "stale" | "duplicate" | "ignored" | "invalid";
export type DeliverySource = "webhook" | "api";
export type RecordedDelivery = { outcome: Outcome; type: string | null; grantId: string | null };
export type DeliveryToStore = {
  webhookId: string;
  body: string;
  parsed: ParsedDelivery;
  source: DeliverySource;
  receivedAt?: Date;
  replacesInvalid?: boolean;
};

// The rows are checked against Prisma's generated model types (both providers generate the same
// ones from prisma/models.prisma): the SQL's column lists are the rows' keys, so a column renamed,
// added or dropped in the schema must fail the build here, not a delivery at runtime. JSON
// columns are written as whatever the snapshot holds (the stores encode them).
type JsonColumn = "metadata" | "deliveryFiles";
/** Every Grant column. */
type GrantRow = Omit<Grant, JsonColumn> & { [column in JsonColumn]: unknown };
/** Some WebhookEvent columns: what a row leaves out takes the column's default (or null). */
type EventRow = Partial<WebhookEvent>;

async function findEvent(driver: Driver, webhookId: string) {
  return driver.provider === "sqlite"
    ? findEventSqlite(driver.sqlite, webhookId)
    : findEventPostgres(driver.pool, webhookId);
}

async function store(driver: Driver, request: StoreRequest): Promise<StoreResult> {
  return driver.provider === "sqlite"
    ? storeDeliverySqlite(driver.sqlite, request)
    : storeDeliveryPostgres(driver.pool, request);
}

/**
 * A webhook-id already stored answers duplicate from the stored row, before the body is parsed:
 * Dodo retries until it gets a 2xx, so redeliveries are common and should cost one indexed read.
 */
export async function findRecordedDelivery(
  driver: Driver,
  webhookId: string,
): Promise<RecordedDelivery | null> {
  const stored = await findEvent(driver, webhookId);
  return stored ? { outcome: "duplicate", type: stored.type, grantId: stored.grantId } : null;
}

/** Writes the event (and its grant snapshot); a webhook-id stored meanwhile answers duplicate. */
export async function storeDelivery(
  driver: Driver,
  delivery: DeliveryToStore,
): Promise<RecordedDelivery> {
  const request = toStoreRequest(delivery);
  const result = await store(driver, request);
  if ("alreadyRecorded" in result) return { ...describe(delivery.parsed), outcome: "duplicate" };
  const outcome =
    result.outcome === "as_given" ? (request.event.outcome as Outcome) : result.outcome;
  return { ...describe(delivery.parsed), outcome };
}

function describe(parsed: ParsedDelivery): Omit<RecordedDelivery, "outcome"> {
  if (parsed.kind === "grant") return { type: parsed.type, grantId: parsed.grant.id };
  if (parsed.kind === "invalid") return { type: parsed.type, grantId: parsed.grantId };
  return { type: parsed.type, grantId: null };
}

/** The rows a delivery writes (exported for the store-level tests and the page benchmark's bulk load). */
export function toStoreRequest({
  webhookId,
  body,
  parsed,
  source,
  receivedAt,
  replacesInvalid,
}: DeliveryToStore): StoreRequest {
  const now = new Date();
  const event = {
    id: webhookId,
    rawBody: body,
    receivedAt: receivedAt ?? now,
    processedAt: now,
    source,
  } satisfies EventRow;
  if (parsed.kind === "invalid") {
    return {
      event: {
        ...event,
        type: parsed.type,
        grantId: parsed.grantId,
        outcome: "invalid",
        validationError: parsed.error,
      } satisfies EventRow,
      grant: null,
      replacesInvalid,
    };
  }
  const envelope = {
    type: parsed.type,
    businessId: parsed.businessId,
    timestamp: parsed.timestamp,
    timestampUs: parsed.timestampUs,
  } satisfies EventRow;
  if (parsed.kind === "other") {
    const report = {
      timestampUs: parsed.timestampUs,
      at: parsed.timestamp,
      businessId: parsed.businessId,
      source,
    };
    // "ignored" unless the store finds that the customer or subscription rows changed anything.
    return {
      event: { ...event, ...envelope, outcome: "ignored" } satisfies EventRow,
      grant: null,
      customer: customerRow(parsed.facts, report),
      subscription: subscriptionRow(parsed.facts, report),
      replacesInvalid,
    };
  }
  const columns = grantColumns(parsed.grant, parsed.rawSnapshot, {
    timestampUs: parsed.timestampUs,
    source,
    eventId: webhookId,
  });
  return {
    event: {
      ...event,
      ...envelope,
      grantId: parsed.grant.id,
      dataUpdatedAt: columns.updatedAt,
      outcome: "applied",
    } satisfies EventRow,
    grant: {
      id: parsed.grant.id,
      ...columns,
      firstSeenAt: now,
      lastChangedAt: now,
    } satisfies GrantRow,
    replacesInvalid,
  };
}
