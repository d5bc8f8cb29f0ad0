// Which of two reports of one customer's email and name (or of one subscription's state) is in
// force. Dodo delivers at least once and in no particular order, so an older payment.* event must
// never overwrite the name a newer subscription.* event set. The later envelope timestamp (or the
// API's fetch time) wins; on a tie, the reported content decides, so two different reports stamped
// the same microsecond converge on one winner whatever order they arrive in, and a duplicate is
// never "newer".
import { createHash } from "node:crypto";

export type CustomerProfile = {
  email: string | null;
  name: string | null;
};

export type ProfileReport = CustomerProfile & {
  /** Envelope `timestamp` (or the API fetch time) in microseconds (see lib/time.ts). */
  timestampUs: bigint;
};

/**
 * The rule as one sortable string: 20 digits of the timestamp (µs), then 16 hex digits of a hash
 * of the profile. Fixed width, digits and lower-case hex only, so it sorts the same in JavaScript
 * and under every database collation, and the store can apply it in one conditional upsert.
 * The hash keeps email and name out of the key: it is compared, never shown or logged.
 */
export function profileOrderKey(report: ProfileReport): string {
  return reportOrderKey(report.timestampUs, `${report.email ?? ""}\u0000${report.name ?? ""}`);
}

/**
 * The same rule for any reported state (a subscription's raw snapshot, a profile): the later
 * timestamp wins, and on a tie the content's hash, so every instance picks the same winner.
 */
export function reportOrderKey(timestampUs: bigint, content: string): string {
  const timestamp = timestampUs.toString().padStart(20, "0");
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 16);
  return `${timestamp}${hash}`;
}

/**
 * The key a forgotten profile keeps: the moment of erasure, and the highest hash. Only a report
 * stamped later (a renewal, a new purchase) sets an email or name again; one stamped before the
 * erasure never does, even if it arrives only now (Dodo retries for days). The old key goes: its
 * hash was derived from the erased email and name.
 */
export function forgottenOrderKey(erasedAtUs: bigint): string {
  return `${erasedAtUs.toString().padStart(20, "0")}${"f".repeat(16)}`;
}

/** Whether `incoming` replaces the profile stored under `storedKey` (null: none stored yet). */
export function replacesProfile(incoming: ProfileReport, storedKey: string | null): boolean {
  return storedKey === null || profileOrderKey(incoming) > storedKey;
}

/** Lower-cased and trimmed: exact, case-insensitive email search is one equality on an index. */
export function normalizeEmail(email: string | null): string | null {
  const normalized = email?.trim().toLowerCase() ?? "";
  return normalized === "" ? null : normalized;
}

/** Lower-cased, trimmed, inner white space folded: a name prefix search is one index range. */
export function normalizeName(name: string | null): string | null {
  const normalized = name?.trim().replace(/\s+/g, " ").toLowerCase() ?? "";
  return normalized === "" ? null : normalized;
}
