import { EmptyState } from "@/components/ui/empty-state";
import type { GrantFilter } from "@/lib/grants/grant-filters";

/** The grants list with nothing to show: says whether the search or the filters emptied it. */
export function NoGrantsFound({ filter, total }: { filter: GrantFilter; total: number }) {
  return (
    <EmptyState title={total === 0 && !filter.q ? "No grants match these filters" : "Nothing here"}>
      {filter.q ? (
        <>
          No grant, customer email or name, id or license key matches{" "}
          <code className="font-mono">{filter.q}</code>.
        </>
      ) : (
        "Try another status or clear the filters."
      )}
    </EmptyState>
  );
}
