import { Alert } from "@/components/ui/alert";

/**
 * Says that a search named more grants than a search lists (a common key suffix, many people
 * sharing a name prefix), so nobody takes the list or its counts for all of them.
 */
export function SearchTruncatedNotice({ truncated, limit }: { truncated: boolean; limit: number }) {
  if (!truncated) return null;
  return (
    <Alert variant="warning" role="status" data-testid="search-truncated" className="mb-4 px-4">
      This search matches more than {limit.toLocaleString("en-US")} grants; the list and its counts
      show the first {limit.toLocaleString("en-US")} found. Search for a whole email, a customer id
      or a longer part of the key to see every match.
    </Alert>
  );
}
