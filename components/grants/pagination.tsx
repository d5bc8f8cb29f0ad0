import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
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
  const enabled = buttonVariants({ variant: "secondary" });
  const disabled = buttonVariants({
    variant: "secondary",
    className: "pointer-events-none opacity-40",
  });
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p className="text-muted">
        {shown === 0 ? "No grants on this page" : `Showing ${shown} grant${shown === 1 ? "" : "s"}`}
      </p>
      <div className="flex gap-2">
        {prevCursor ? (
          <Link rel="prev" href={link({ before: prevCursor })} className={enabled}>
            ← Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            ← Previous
          </span>
        )}
        {nextCursor ? (
          <Link rel="next" href={link({ after: nextCursor })} className={enabled}>
            Next →
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
