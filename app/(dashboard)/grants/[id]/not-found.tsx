import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function GrantNotFound() {
  return (
    <EmptyState title="No grant with this id">
      Grantdesk has received no delivery for it. Check the id, or{" "}
      <Link href="/grants" className="text-indigo-700 underline dark:text-indigo-300">
        search the grants
      </Link>
      : a customer, subscription or payment id finds its grants too.
    </EmptyState>
  );
}
