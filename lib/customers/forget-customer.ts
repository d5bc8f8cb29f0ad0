// Erasing a customer's personal data on request (`npm run customer:forget -- --id cus_…`). The
// email and name live in one Customer row, and in the raw bodies of the events that carried them
// (payment.*, subscription.*, refund.*, license_key.*, dispute.*: those bodies also hold billing
// addresses and the like). Grants and their history stay: a grant names its customer by id only.
import "server-only";
import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit/audit-log";
import { forgottenOrderKey } from "@/lib/customers/customer-merge-rule";
import { FORGOTTEN_SOURCE } from "@/lib/customers/forgotten";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

/** Event types whose bodies can carry a person. */
const PERSON_EVENT_PREFIXES = ["payment.", "subscription.", "refund.", "license_key.", "dispute."];

export type ForgetReport = {
  customerId: string;
  /** Whether Grantdesk had a Customer row for the id. */
  known: boolean;
  /** Whether an email or name was stored (and is now erased, unless a dry run). */
  hadProfile: boolean;
  /** Raw event bodies naming the customer that were (or would be) removed. */
  eventBodies: number;
  dryRun: boolean;
};

/**
 * The events still holding a body that names the customer. The types present are read from the
 * (type, …) index (a prefix range is no index range under PostgreSQL's language collations, nor a
 * LIKE under SQLite's case-insensitive one), and the bodies of those types are searched for the
 * quoted id: a whole id, never a part of a longer one. That reads every such body still kept, so
 * a rare, admin-run erasure may take seconds at scale.
 */
async function eventsNaming(customerId: string): Promise<string[]> {
  const db = await getDb();
  const present = await db.webhookEvent.groupBy({ by: ["type"], orderBy: { type: "asc" } });
  const types = present
    .map((row) => row.type)
    .filter((type): type is string =>
      PERSON_EVENT_PREFIXES.some((prefix) => type?.startsWith(prefix)),
    );
  if (types.length === 0) return [];
  const quoted = JSON.stringify(customerId);
  const rows = await db.webhookEvent.findMany({
    where: { type: { in: types }, rawBody: { contains: quoted } },
    select: { id: true, rawBody: true },
  });
  // SQLite's LIKE ignores case: "cus_ab" would match another customer's "cus_AB".
  return rows.filter((row) => row.rawBody?.includes(quoted)).map((row) => row.id);
}

export async function forgetCustomer(
  viewer: Viewer,
  customerId: string,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<ForgetReport> {
  assertCan(viewer, "customers:forget");
  const dryRun = options.dryRun ?? false;
  const now = options.now ?? new Date();
  const db = await getDb();
  const [customer, events] = await Promise.all([
    db.customer.findUnique({
      where: { id: customerId },
      select: { email: true, name: true },
    }),
    eventsNaming(customerId),
  ]);
  const report: ForgetReport = {
    customerId,
    known: customer !== null,
    hadProfile: customer !== null && (customer.email !== null || customer.name !== null),
    eventBodies: events.length,
    dryRun,
  };
  if (dryRun || (!customer && events.length === 0)) return report;
  await db.$transaction(async (tx) => {
    if (customer) {
      await tx.customer.update({
        where: { id: customerId },
        data: {
          email: null,
          emailNormalized: null,
          name: null,
          nameNormalized: null,
          source: FORGOTTEN_SOURCE,
          profileEventAt: now,
          profileOrder: forgottenOrderKey(BigInt(now.getTime()) * 1000n),
        },
      });
    }
    if (events.length > 0) {
      await tx.webhookEvent.updateMany({
        where: { id: { in: events } },
        data: { rawBody: null, bodyPrunedAt: now },
      });
    }
    // The line names the id only: writing the erased email here would keep what was erased.
    await recordAudit(
      tx,
      viewer,
      "customer.forgotten",
      { type: "customer", id: customerId },
      { eventBodies: events.length, hadProfile: report.hadProfile },
    );
  });
  return report;
}
