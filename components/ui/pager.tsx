import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** "← Previous" and "Next →" under a list, each a link when there is a page that way. */
export function Pager({
  summary,
  prevHref,
  nextHref,
}: {
  summary: string;
  prevHref: string | null;
  nextHref: string | null;
}) {
  const enabled = buttonVariants({ variant: "secondary" });
  const disabled = buttonVariants({
    variant: "secondary",
    className: "pointer-events-none opacity-40",
  });
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p className="text-muted">{summary}</p>
      <div className="flex gap-2">
        {prevHref ? (
          <Link rel="prev" href={prevHref} className={enabled}>
            ← Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            ← Previous
          </span>
        )}
        {nextHref ? (
          <Link rel="next" href={nextHref} className={enabled}>
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
