import { formatDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { TCell, TRow } from "@/components/ui/table";
import { explainSubscription } from "@/lib/customers/subscription-explanation";
import type { CustomerPage } from "@/lib/customers/queries/customer-page";

const day = (date: Date | null) => (date ? formatDay(date, { withYear: true }) : "—");

/** The customer's subscriptions, each with its status as sent and what it means now. */
export function CustomerSubscriptions({ page }: { page: CustomerPage }) {
  if (page.subscriptions.length === 0) {
    return (
      <Panel title="Subscriptions">
        <p className="text-sm text-muted">
          None known. Subscriptions arrive with Dodo&apos;s subscription webhooks, or with a sync.
        </p>
      </Panel>
    );
  }
  return (
    <Panel title={`Subscriptions · ${page.subscriptions.length}`}>
      <DataTable
        framed={false}
        columns={["Subscription", "Status", "Next billing", "What it means"]}
        caption="The customer's subscriptions"
      >
        {page.subscriptions.map((subscription) => {
          const explained = explainSubscription(subscription);
          return (
            <TRow key={subscription.id}>
              <TCell className="font-mono text-xs break-all">
                {subscription.id}
                {subscription.productId ? (
                  <span className="block text-faint">{subscription.productId}</span>
                ) : null}
              </TCell>
              <TCell>
                <Badge tone={explained.comesBack ? "emerald" : "slate"}>
                  {explained.statusLabel}
                </Badge>
              </TCell>
              <TCell className="whitespace-nowrap">{day(subscription.nextBillingDate)}</TCell>
              <TCell className="text-sm text-muted">{explained.text}</TCell>
            </TRow>
          );
        })}
      </DataTable>
    </Panel>
  );
}
