import { CopyButton } from "@/components/ui/copy-button";
import { Facts, Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import type { GrantNames } from "@/lib/grants/queries/with-names";

type Props = GrantNames & { customerId: string; entitlementId: string };

function Copyable({ value, mono = false }: { value: string; mono?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span className={mono ? "min-w-0 font-mono text-xs break-all" : "min-w-0 break-all"}>
        {value}
      </span>
      <CopyButton value={value} />
    </span>
  );
}

/** Who the grant is for and what it gives, by name, with the way to the customer's page. */
export function CustomerPanel(props: Props) {
  const none = <span className="text-faint">not known yet</span>;
  return (
    <Panel title="Customer">
      <Facts
        items={[
          ["Name", props.customerName ?? none],
          ["Email", props.customerEmail ? <Copyable key="e" value={props.customerEmail} /> : none],
          [
            "Entitlement",
            <TextLink key="n" href={`/entitlements/${encodeURIComponent(props.entitlementId)}`}>
              {props.entitlementName ?? props.entitlementId}
            </TextLink>,
          ],
        ]}
      />
      <p className="mt-3 text-sm">
        <TextLink href={`/customers/${encodeURIComponent(props.customerId)}`}>
          Everything this customer has →
        </TextLink>
      </p>
    </Panel>
  );
}
