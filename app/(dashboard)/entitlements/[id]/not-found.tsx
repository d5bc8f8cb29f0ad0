import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";

export default function EntitlementNotFound() {
  return (
    <EmptyState title="No entitlement with this id">
      Neither the synced catalog nor any grant names it. Check the id, or see{" "}
      <TextLink href="/entitlements">every entitlement</TextLink>.
    </EmptyState>
  );
}
