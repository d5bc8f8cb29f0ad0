// Everything the customer page shows, each read through an index on the customer (or on the few
// grants it has): a customer holds a handful of grants and subscriptions, so the caps below are
// far above real use and only bound a pathological one.
import "server-only";
import { getDb } from "@/lib/db";
import { subscriptionFactsSelect } from "@/lib/customers/queries/get-subscription";
import { withNames } from "@/lib/grants/queries/with-names";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

/** Grants shown "what they have now"; more than this shows a link to the full filtered list. */
export const CUSTOMER_GRANTS_SHOWN = 200;
const SUBSCRIPTIONS_SHOWN = 50;
const TIMELINE_EVENTS = 100;

const grantSelect = {
  id: true,
  status: true,
  integrationType: true,
  customerId: true,
  entitlementId: true,
  subscriptionId: true,
  deliveredAt: true,
  revokedAt: true,
  revocationReason: true,
  errorCode: true,
  oauthUrl: true,
  updatedAt: true,
} as const;

export type CustomerPage = NonNullable<Awaited<ReturnType<typeof getCustomerPage>>>;

/** Null when the id is neither a customer we have heard of nor one any grant names. */
export async function getCustomerPage(viewer: Viewer, id: string) {
  assertCan(viewer, "grants:read");
  const db = await getDb();
  const [customer, rows, subscriptions] = await Promise.all([
    db.customer.findUnique({
      where: { id },
      select: {
        id: true,
        businessId: true,
        email: true,
        name: true,
        firstSeenAt: true,
        lastSeenAt: true,
        source: true,
      },
    }),
    db.grant.findMany({
      where: { customerId: id },
      orderBy: [{ customerId: "asc" }, { updatedAt: "desc" }, { id: "desc" }],
      take: CUSTOMER_GRANTS_SHOWN + 1,
      select: grantSelect,
    }),
    db.subscription.findMany({
      where: { customerId: id },
      orderBy: [{ customerId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
      take: SUBSCRIPTIONS_SHOWN,
      select: { ...subscriptionFactsSelect, productId: true, createdAt: true },
    }),
  ]);
  if (!customer && rows.length === 0) return null;
  const grants = await withNames(db, rows.slice(0, CUSTOMER_GRANTS_SHOWN));
  const timeline = await db.webhookEvent.findMany({
    where: { grantId: { in: grants.map((grant) => grant.id) } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: TIMELINE_EVENTS,
    select: {
      id: true,
      type: true,
      grantId: true,
      timestamp: true,
      receivedAt: true,
      outcome: true,
    },
  });
  const entitlementNames = new Map(grants.map((grant) => [grant.id, grant.entitlementName]));
  return {
    id,
    customer,
    grants,
    moreGrants: rows.length > CUSTOMER_GRANTS_SHOWN,
    subscriptions,
    timeline: timeline.map((event) => ({
      ...event,
      entitlementName: event.grantId ? (entitlementNames.get(event.grantId) ?? null) : null,
    })),
  };
}
