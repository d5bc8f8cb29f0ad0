import { TextLink } from "@/components/ui/text-link";

export type WhoAndWhat = {
  customerId: string;
  customerName: string | null;
  customerEmail: string | null;
  entitlementId: string;
  entitlementName: string | null;
};

/**
 * A grant's customer and entitlement in a table cell: the person by name (or email) first, since
 * that is what a support ticket quotes, then the ids, which stay visible for Dodo's dashboard.
 */
export function WhoAndWhatCell({ row }: { row: WhoAndWhat }) {
  const person = row.customerName ?? row.customerEmail;
  return (
    <>
      <TextLink
        href={`/customers/${encodeURIComponent(row.customerId)}`}
        className={person ? "block font-medium" : "block font-mono text-xs"}
      >
        {person ?? row.customerId}
      </TextLink>
      {row.customerName && row.customerEmail ? (
        <span className="block text-xs text-muted">{row.customerEmail}</span>
      ) : null}
      {person ? <span className="block font-mono text-xs text-faint">{row.customerId}</span> : null}
      <TextLink
        href={`/entitlements/${encodeURIComponent(row.entitlementId)}`}
        className="mt-0.5 block text-xs text-muted"
      >
        {row.entitlementName ? `${row.entitlementName} · ` : null}
        <span className="font-mono">{row.entitlementId}</span>
      </TextLink>
    </>
  );
}
