import Link from "next/link";
import { buttonClass } from "@/components/ui/form-controls";
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
  const disabled = `${buttonClass.secondary} pointer-events-none opacity-40`;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        {shown === 0 ? "No grants on this page" : `Showing ${shown} grant${shown === 1 ? "" : "s"}`}
      </p>
      <div className="flex gap-2">
        {prevCursor ? (
          <Link rel="prev" href={link({ before: prevCursor })} className={buttonClass.secondary}>
            ← Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            ← Previous
          </span>
        )}
        {nextCursor ? (
          <Link rel="next" href={link({ after: nextCursor })} className={buttonClass.secondary}>
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
