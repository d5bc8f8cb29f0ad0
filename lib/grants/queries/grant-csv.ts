// CSV of the grants list. Streams the whole filtered set in keyset batches, so ten thousand rows
// cost ten thousand rows of work and a batch of memory. The license key is masked as on screen.
import "server-only";
import type { GrantFilter } from "@/lib/grants/grant-filters";
import { iterateGrants, type GrantListItem } from "@/lib/grants/queries/list-grants";
import { maskLicenseKey } from "@/lib/format";
import { assertCan, type Viewer } from "@/lib/auth/viewer";

const COLUMNS: [header: string, value: (row: GrantListItem) => string | null][] = [
  ["id", (r) => r.id],
  ["status", (r) => r.status],
  ["integration_type", (r) => r.integrationType],
  ["business_id", (r) => r.businessId],
  ["customer_id", (r) => r.customerId],
  ["customer_email", (r) => r.customerEmail],
  ["customer_name", (r) => r.customerName],
  ["entitlement_id", (r) => r.entitlementId],
  ["entitlement_name", (r) => r.entitlementName],
  ["subscription_id", (r) => r.subscriptionId],
  ["payment_id", (r) => r.paymentId],
  ["revocation_reason", (r) => r.revocationReason],
  ["error_code", (r) => r.errorCode],
  ["license_key", (r) => maskLicenseKey(r.licenseKeyLast4)],
  ["created_at", (r) => r.createdAt.toISOString()],
  ["updated_at", (r) => r.updatedAt.toISOString()],
];

// A cell that starts with one of these is run as a formula by spreadsheets (OWASP's list).
const FORMULA_START = /^[=+\-@\t\r]/;
// `;` as well as `,`: many spreadsheet locales split cells on `;` when a CSV file is opened.
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One CSV field. A value Dodo relayed from a customer must never run as a formula: a leading
 * = + - @ tab or CR gets a ' inside the quotes, and anything a spreadsheet could split is quoted.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const formula = FORMULA_START.test(value);
  if (!formula && !NEEDS_QUOTES.test(value)) return value;
  const text = formula ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(row: GrantListItem): string {
  return `${COLUMNS.map(([, value]) => csvField(value(row))).join(",")}\r\n`;
}

/** Rows per keyset query: fewer round trips, and still well under a megabyte of CSV a batch. */
const BATCH_SIZE = 2_000;

export function grantsCsvStream(viewer: Viewer, filter: GrantFilter): ReadableStream<Uint8Array> {
  assertCan(viewer, "grants:read");
  const encoder = new TextEncoder();
  const batches = iterateGrants(viewer, filter, BATCH_SIZE);
  // The next batch is read while this one is turned into CSV and sent: the database (another
  // process on PostgreSQL) works while this thread formats. At most two batches in memory.
  let pending: ReturnType<typeof batches.next> | null = null;
  const readAhead = () => {
    pending = batches.next();
    // Marked handled now: a failed read is rethrown by the pull that awaits it, but must not
    // count as an unhandled rejection (which ends the process) while no pull is waiting yet.
    pending.catch(() => undefined);
  };
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        readAhead();
        controller.enqueue(encoder.encode(`${COLUMNS.map(([header]) => header).join(",")}\r\n`));
        return;
      }
      const next = await pending!;
      if (next.done) {
        controller.close();
        return;
      }
      readAhead();
      controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      // The read already started must settle before the generator can be closed.
      await pending?.catch(() => undefined);
      await batches.return(undefined);
    },
  });
}
