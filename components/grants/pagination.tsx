import { Pager } from "@/components/ui/pager";
import { grantFilterQuery, type GrantFilter } from "@/lib/grants/grant-filters";

export function Pagination({
  filter,
  nextCursor,
  prevCursor,
  shown,
}: {
  filter: GrantFilter;
  nextCursor: string | null;
  prevCursor: string | null;
  shown: number;
}) {
  const link = (changes: Partial<Record<keyof GrantFilter, string | undefined>>) =>
    `/grants${grantFilterQuery(filter, { after: undefined, before: undefined, ...changes })}`;
  return (
    <Pager
      summary={
        shown === 0 ? "No grants on this page" : `Showing ${shown} grant${shown === 1 ? "" : "s"}`
      }
      prevHref={prevCursor ? link({ before: prevCursor }) : null}
      nextHref={nextCursor ? link({ after: nextCursor }) : null}
    />
  );
}
