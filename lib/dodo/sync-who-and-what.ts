// The parts of a sync that name things (issue #16): the entitlement catalog, subscriptions and the
// customers we know only as an id. None of them may fail the grant sync: each one's failure is a
// note on the run (sync-notes.ts), and the grants are synced whatever they answer.
import "server-only";
import type DodoPayments from "dodopayments";
import type { Entitlement } from "dodopayments/resources/entitlements/entitlements";
import { fillUnknownEntitlements, upsertEntitlements } from "./sync-catalog";
import { fillUnknownCustomers, syncSubscriptions } from "./sync-customers";
import { notedFailure } from "./sync-notes";

/** Writes the entitlements the grant sync listed; a note if the catalog could not be written. */
export function syncListedCatalog(listed: Entitlement[]): Promise<string | null> {
  return notedFailure("Entitlement catalog", () => upsertEntitlements(listed));
}

/** After the grants: unknown entitlements, subscriptions, then the customers still unnamed. */
export async function syncWhoAndWhat(
  client: DodoPayments,
  beat: () => Promise<void>,
): Promise<(string | null)[]> {
  const catalog = await notedFailure("Entitlement catalog", async () => {
    await fillUnknownEntitlements(client, beat);
  });
  const subscriptions = await notedFailure("Subscriptions", async () => {
    const { count, capped } = await syncSubscriptions(client, beat);
    return capped
      ? `Subscriptions: the newest ${count.toLocaleString("en-US")} refreshed; older ones stay as their webhooks left them.`
      : null;
  });
  // After the subscriptions: each carried its customer's profile, so fewer are left to retrieve.
  const customers = await notedFailure("Customers", async () => {
    await fillUnknownCustomers(client, beat);
  });
  return [catalog, subscriptions, customers];
}
