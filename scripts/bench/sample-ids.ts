// Real ids from the seeded data for the pages that need one (a grant page, a search by each kind
// of id, a filter by customer or business), read from the database so that --reuse works on any
// database the bulk path wrote.
import { queryRows, type QueryRow } from "./raw-query";

export type SampleIds = {
  /** A license-key grant: its page, and a search by its key (whole, last 6, last 4). */
  licenseGrant: { id: string; customerId: string; entitlementId: string; licenseKey: string };
  /** A revoked grant: a page with a longer history. */
  revokedGrantId: string;
  subscriptionId: string;
  paymentId: string;
  /** A customer with many grants (a team, a reseller). */
  busyCustomerId: string;
  /** Not the largest business, so the filter selects a real subset. */
  businessId: string;
  /** The busy customer as a person: null on a database seeded before customers were. */
  person: { email: string; namePrefix: string } | null;
  /** An OAuth entitlement with consents waiting: its page lists them. */
  oauthEntitlementId: string;
};

// Grant ids are "entg_" + base 62 starting 0–4 (scrambledIndex): the middle of the key range.
const MIDDLE_ID = "entg_2";

async function first(url: string, sql: string, params: unknown[] = []): Promise<QueryRow> {
  const [row] = await queryRows(url, sql, params);
  if (!row) throw new Error(`the benchmark database has no row for: ${sql}`);
  return row;
}

const grantAfterMiddle = (url: string, columns: string, condition: string) =>
  first(
    url,
    `SELECT ${columns} FROM "Grant" WHERE "id" > ? AND ${condition} ORDER BY "id" LIMIT 1`,
    [MIDDLE_ID],
  );

export async function findSampleIds(url: string): Promise<SampleIds> {
  const license = await grantAfterMiddle(
    url,
    `"id", "customerId", "entitlementId", "licenseKey"`,
    `"licenseKey" IS NOT NULL`,
  );
  const revoked = await grantAfterMiddle(url, `"id"`, `"status" = 'Revoked'`);
  const subscription = await grantAfterMiddle(
    url,
    `"subscriptionId"`,
    `"subscriptionId" IS NOT NULL`,
  );
  const payment = await grantAfterMiddle(url, `"paymentId"`, `"paymentId" IS NOT NULL`);
  const consent = await grantAfterMiddle(
    url,
    `"entitlementId"`,
    `"status" = 'Pending' AND "oauthUrl" IS NOT NULL`,
  );
  const busy = await first(
    url,
    `SELECT "customerId", COUNT(*) AS n FROM "Grant" WHERE "customerId" IN
       (SELECT "customerId" FROM "Grant" WHERE "id" > ? ORDER BY "id" LIMIT 400)
     GROUP BY "customerId" ORDER BY n DESC LIMIT 1`,
    [MIDDLE_ID],
  );
  const [person] = await queryRows(url, `SELECT "email", "name" FROM "Customer" WHERE "id" = ?`, [
    busy.customerId,
  ]);
  const businesses = await queryRows(
    url,
    `SELECT "businessId", COUNT(*) AS n FROM "Grant" GROUP BY "businessId" ORDER BY n DESC`,
  );
  return {
    licenseGrant: {
      id: String(license.id),
      customerId: String(license.customerId),
      entitlementId: String(license.entitlementId),
      licenseKey: String(license.licenseKey),
    },
    revokedGrantId: String(revoked.id),
    subscriptionId: String(subscription.subscriptionId),
    paymentId: String(payment.paymentId),
    busyCustomerId: String(busy.customerId),
    businessId: String((businesses[1] ?? businesses[0])!.businessId),
    // A first name and the start of a surname: "Jane Sm", as support types it.
    person:
      person && typeof person.email === "string" && typeof person.name === "string"
        ? { email: person.email, namePrefix: person.name.slice(0, person.name.indexOf(" ") + 3) }
        : null,
    oauthEntitlementId: String(consent.entitlementId),
  };
}
