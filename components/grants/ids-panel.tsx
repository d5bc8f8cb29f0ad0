import { Facts, Panel } from "@/components/ui/panel";
import { CopyButton } from "@/components/ui/copy-button";
import type { GrantDetail } from "@/lib/grants/queries/grant-detail";
import { TextLink } from "@/components/ui/text-link";

type Ids = Pick<
  GrantDetail,
  "id" | "customerId" | "subscriptionId" | "paymentId" | "entitlementId" | "businessId" | "brandId"
>;

function FilterLink({ param, value }: { param: string; value: string | null }) {
  if (!value) return <span className="text-faint">—</span>;
  const href =
    param === "q"
      ? `/grants?q=${encodeURIComponent(value)}`
      : `/grants?${param}=${encodeURIComponent(value)}`;
  return (
    <TextLink href={href} title="All grants with this id" className="font-mono text-xs">
      {value}
    </TextLink>
  );
}

export function IdsPanel({ grant }: { grant: Ids }) {
  return (
    <Panel title="Identifiers">
      <Facts
        items={[
          [
            "Grant",
            // A long id wraps rather than push its Copy button out of the card.
            <span key="g" className="flex min-w-0 items-center gap-2">
              <code className="min-w-0 font-mono text-xs break-all">{grant.id}</code>
              <CopyButton value={grant.id} />
            </span>,
          ],
          [
            "Customer",
            <TextLink
              key="c"
              href={`/customers/${encodeURIComponent(grant.customerId)}`}
              title="The customer's page"
              className="font-mono text-xs"
            >
              {grant.customerId}
            </TextLink>,
          ],
          ["Subscription", <FilterLink key="s" param="q" value={grant.subscriptionId} />],
          ["Payment", <FilterLink key="p" param="q" value={grant.paymentId} />],
          ["Entitlement", <FilterLink key="e" param="q" value={grant.entitlementId} />],
          ["Business", <FilterLink key="b" param="business" value={grant.businessId} />],
          [
            "Brand",
            grant.brandId ? (
              <code className="font-mono text-xs">{grant.brandId}</code>
            ) : (
              <span className="text-faint">—</span>
            ),
          ],
        ]}
      />
    </Panel>
  );
}
