// What a row of the grants table needs, computed on the server (masked key, relative time) so the
// browser receives no full license key and renders exactly what the server did.
import { formatExact, formatRelative, maskLicenseKey } from "@/lib/format";
import type { GrantListItem as GrantListRow } from "@/lib/grants/queries/list-grants";
import type { WhoAndWhat } from "./who-and-what";

export type GrantTableRow = WhoAndWhat & {
  id: string;
  status: string;
  integrationType: string;
  detail: { kind: "reason" | "error"; value: string } | null;
  maskedKey: string | null;
  updatedIso: string;
  updatedExact: string;
  updatedRelative: string;
};

export function toGrantTableRow(row: GrantListRow, now = new Date()): GrantTableRow {
  const detail = row.revocationReason
    ? { kind: "reason" as const, value: row.revocationReason }
    : row.errorCode
      ? { kind: "error" as const, value: row.errorCode }
      : null;
  return {
    id: row.id,
    status: row.status,
    integrationType: row.integrationType,
    customerId: row.customerId,
    customerName: row.customerName,
    customerEmail: row.customerEmail,
    entitlementId: row.entitlementId,
    entitlementName: row.entitlementName,
    detail,
    maskedKey: maskLicenseKey(row.licenseKeyLast4),
    updatedIso: row.updatedAt.toISOString(),
    updatedExact: formatExact(row.updatedAt),
    updatedRelative: formatRelative(row.updatedAt, now),
  };
}
