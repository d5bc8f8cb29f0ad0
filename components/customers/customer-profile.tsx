import { CopyableText } from "@/components/ui/copyable-text";
import { Facts, Panel } from "@/components/ui/panel";
import { formatExact } from "@/lib/format";
import { FORGOTTEN_SOURCE } from "@/lib/customers/forgotten";
import type { CustomerPage } from "@/lib/customers/queries/customer-page";

/** Who the customer is, as far as Dodo has told us. */
export function CustomerProfile({ page }: { page: CustomerPage }) {
  const { customer } = page;
  const unknown = <span className="text-faint">not known yet</span>;
  return (
    <Panel title="Who">
      <Facts
        items={[
          ["Name", customer?.name ?? unknown],
          ["Email", customer?.email ? <CopyableText key="e" value={customer.email} /> : unknown],
          ["Customer id", <CopyableText key="i" value={page.id} mono />],
          [
            "Business",
            customer?.businessId ? (
              <code className="font-mono text-xs">{customer.businessId}</code>
            ) : (
              "—"
            ),
          ],
          ["First seen", customer ? formatExact(customer.firstSeenAt) : "—"],
          ["Last seen", customer ? formatExact(customer.lastSeenAt) : "—"],
        ]}
      />
      {customer?.source === FORGOTTEN_SOURCE ? (
        <p className="mt-3 text-sm text-muted">
          Their email and name were erased on request. Grants and history are kept, by id.
        </p>
      ) : !customer?.email && customer?.source === "api" ? (
        <p className="mt-3 text-sm text-muted">
          Dodo&apos;s API had no name or email for this customer when last asked. Their name and
          email arrive with their next payment or subscription webhook, or with Refresh from Dodo.
        </p>
      ) : !customer?.email ? (
        <p className="mt-3 text-sm text-muted">
          Dodo has named this customer by id only so far. Their name and email arrive with their
          next payment or subscription webhook, or with a sync when an API key is set.
        </p>
      ) : (
        <p className="mt-3 text-xs text-faint">
          From {customer.source === "api" ? "Dodo's API" : "webhooks"}.
        </p>
      )}
    </Panel>
  );
}
