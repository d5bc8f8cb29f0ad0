import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";

export default function CustomerNotFound() {
  return (
    <EmptyState title="No customer with this id">
      Grantdesk has heard of no customer or grant with it. Check the id, or{" "}
      <TextLink href="/grants">search the grants</TextLink> by email or name.
    </EmptyState>
  );
}
