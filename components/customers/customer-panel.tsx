import { CopyableText } from "@/components/ui/copyable-text";
import { Facts, Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import type { GrantNames } from "@/lib/grants/queries/with-names";

type Props = GrantNames & { customerId: string; entitlementId: string };

/** Who the grant is for and what it gives, by name, with the way to the customer's page. */
export function CustomerPanel(props: Props) {
  const none = <span className="text-faint">not known yet</span>;
  return (
    <Panel title="Customer">
      <Facts
        items={[
          ["Name", props.customerName ?? none],
          [
            "Email",
            props.customerEmail ? <CopyableText key="e" value={props.customerEmail} /> : none,
          ],
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
