import { TextLink } from "@/components/ui/text-link";
import { EmptyState } from "@/components/ui/empty-state";

export default function GrantNotFound() {
  return (
    <EmptyState title="No grant with this id">
      Grantdesk has received no delivery for it. Check the id, or{" "}
      <TextLink href="/grants" className="underline">
        search the grants
      </TextLink>
      : a customer, subscription or payment id finds its grants too.
    </EmptyState>
  );
}
