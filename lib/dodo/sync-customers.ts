// Customers and subscriptions from Dodo's API. A sync upserts every subscription Dodo lists (with
// the customer profile each carries), then retrieves the customers still known only as an id: a
// Customer row without an email, or an id grants name with no Customer row at all. That fill is
// bounded per run, so a million grants never turn into a million calls; the next run goes on.
// Every row goes through the webhooks' merge rule (store-api-report.ts) with the fetch time as its
// event time: a webhook newer than the fetch keeps its profile, an older one loses to it.
import "server-only";
import type DodoPayments from "dodopayments";
import { FORGOTTEN_SOURCE } from "@/lib/customers/forgotten";
import type { Customer as DodoCustomer } from "dodopayments/resources/customers/customers";
import { NotFoundError } from "dodopayments";
import { assertCan, type Viewer } from "../auth/viewer";
import { factsFromEvent, type EventFacts } from "../customers/customer-from-event";
import { customerRow, subscriptionRow } from "../customers/customer-rows";
import { storeCustomerReport, storeSubscriptionReport } from "../customers/store-api-report";
import { getDb, getDriver } from "../db";
import { dodoClient } from "./client";
import { askDodoToRefresh } from "./refresh-error";
import { BACKGROUND, INTERACTIVE, withRetries, type RetryPolicy } from "./retry";
import { unknownIdsNamedByGrants } from "./unknown-ids";

/** customers.retrieve calls per run, at most. */
export const CUSTOMER_FILLS_PER_RUN = 500;
const PAGE_SIZE = 100;

export type PeopleCounts = { subscriptions: number; customersFilled: number; notFound: number };

type Fetch = { at: Date; timestampUs: bigint };
const fetchedNow = (): Fetch => {
  const at = new Date();
  return { at, timestampUs: BigInt(at.getTime()) * 1000n };
};

/**
 * A fetched report's row. The profile is dated by the fetch; first and last seen by Dodo's
 * created_at (never later than the fetch), so a sync widens "first seen" to when the customer
 * appeared at Dodo but does not make every customer look active today.
 */
function apiCustomerRow(
  facts: EventFacts,
  fetch: Fetch,
  businessId: string | null,
  since?: string,
) {
  const row = customerRow(facts, { ...fetch, businessId, source: "api" });
  if (!row) return null;
  const created = since ? Date.parse(since) : NaN;
  const seen = Number.isNaN(created) ? fetch.at : new Date(Math.min(created, fetch.at.getTime()));
  return { ...row, firstSeenAt: seen, lastSeenAt: seen };
}

function profileFacts(customer: Pick<DodoCustomer, "customer_id" | "email" | "name">): EventFacts {
  const email = customer.email?.trim() || null;
  const name = customer.name?.trim() || null;
  return {
    customer: { customerId: customer.customer_id, email, name, hasProfile: Boolean(email || name) },
    subscription: null,
  };
}

async function storeCustomer(customer: DodoCustomer, fetch = fetchedNow()): Promise<boolean> {
  const row = apiCustomerRow(
    profileFacts(customer),
    fetch,
    customer.business_id ?? null,
    customer.created_at,
  );
  return row ? storeCustomerReport(getDriver(), row) : false;
}

/**
 * subscriptions.list pages per run, at most: the newest 10,000 subscriptions. Their webhooks keep
 * every subscription current; the sync is the safety net, and a merchant with a million would
 * otherwise turn each run into 10,000 calls.
 */
export const SUBSCRIPTION_PAGES_PER_RUN = 100;

/**
 * Pages of subscriptions.list (Dodo lists the newest first), each subscription and its customer
 * through the merge rule. `capped` when more pages were left than a run reads.
 */
export async function syncSubscriptions(
  client: DodoPayments,
  beat: () => Promise<void>,
  maxPages = SUBSCRIPTION_PAGES_PER_RUN,
): Promise<{ count: number; capped: boolean }> {
  let count = 0;
  for (let page = 0; ; page++) {
    if (page === maxPages) return { count, capped: true };
    const fetch = fetchedNow();
    const { items } = await withRetries(BACKGROUND, () =>
      client.subscriptions.list({ page_number: page, page_size: PAGE_SIZE }),
    );
    for (const item of items) {
      // The list item has the webhook's subscription shape, so the webhook's parser reads it.
      const facts = factsFromEvent("subscription.listed", item);
      const report = { ...fetch, businessId: null, source: "api" as const };
      const subscription = subscriptionRow(facts, report);
      if (!subscription) continue;
      await storeSubscriptionReport(getDriver(), subscription);
      const customer = apiCustomerRow(facts, fetch, null, item.created_at);
      if (customer) await storeCustomerReport(getDriver(), customer);
      count++;
    }
    await beat();
    if (items.length < PAGE_SIZE) return { count, capped: false };
  }
}

/** The customers to retrieve this run: rows without an email first, then ids only grants name. */
async function customersToFill(limit: number): Promise<string[]> {
  const db = await getDb();
  // Served by the emailNormalized index (NULLs are indexed on both databases).
  // An erased customer (customer:forget) is not asked for again.
  // One the API was already asked for (source "api": Dodo had no email for them, or answered 404)
  // is not asked again each run, or a few hundred of them would use up every run's bound.
  const withoutEmail = await db.customer.findMany({
    where: { emailNormalized: null, source: { notIn: [FORGOTTEN_SOURCE, "api"] } },
    select: { id: true },
    take: limit,
  });
  const unseen = await unknownIdsNamedByGrants(db, "customer", limit - withoutEmail.length);
  return [...withoutEmail.map((row) => row.id), ...unseen];
}

/**
 * Records that Dodo's API was asked for a customer still without an email (it had none, or no
 * longer knows them), so the next run's fill skips them; "Refresh from Dodo" still asks.
 */
async function markAskedOfApi(id: string): Promise<void> {
  const db = await getDb();
  await db.customer.updateMany({
    where: { id, emailNormalized: null, source: "webhook" },
    data: { source: "api" },
  });
}

async function retrieveCustomer(client: DodoPayments, id: string, policy: RetryPolicy) {
  return withRetries(policy, () => client.customers.retrieve(id));
}

/**
 * Retrieves customers known only as an id (bounded). One Dodo no longer knows is recorded as an
 * id, so it stops counting as unseen; any other failure ends the fill and reaches the run.
 */
export async function fillUnknownCustomers(
  client: DodoPayments,
  beat: () => Promise<void>,
  limit = CUSTOMER_FILLS_PER_RUN,
): Promise<{ filled: number; notFound: number }> {
  let filled = 0;
  let notFound = 0;
  for (const id of await customersToFill(limit)) {
    try {
      await storeCustomer(await retrieveCustomer(client, id, BACKGROUND));
      await markAskedOfApi(id);
      filled++;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      notFound++;
      const fetch = fetchedNow();
      const idOnly = apiCustomerRow(
        {
          customer: { customerId: id, email: null, name: null, hasProfile: false },
          subscription: null,
        },
        fetch,
        null,
      );
      if (idOnly) await storeCustomerReport(getDriver(), idOnly);
      await markAskedOfApi(id);
    }
    await beat();
  }
  return { filled, notFound };
}

/**
 * "Refresh from Dodo" on a customer: its profile as Dodo has it now, through the merge rule (a
 * webhook newer than this fetch still wins). Dodo's refusal throws DodoRefreshError.
 */
export async function refreshCustomer(viewer: Viewer, customerId: string) {
  assertCan(viewer, "grants:refresh");
  const fresh = await askDodoToRefresh(() =>
    retrieveCustomer(dodoClient(), customerId, INTERACTIVE),
  );
  await storeCustomer(fresh);
  const db = await getDb();
  return db.customer.findUniqueOrThrow({ where: { id: customerId } });
}
