import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";
import { cn } from "@/lib/cn";
import { grantFilterQuery, withoutCursor, type GrantFilter } from "@/lib/grants/grant-filters";
import { COUNT_CAP, formatCount, isCapped } from "@/lib/grants/count-cap";
import type { StatusCounts } from "@/lib/grants/queries/count-every-grant";
import { GRANT_STATUSES, statusInfo } from "@/lib/grants/labels/status";

export function StatusTabs({ filter, counts }: { filter: GrantFilter; counts: StatusCounts }) {
  const tabs = [
    { status: undefined, label: "All", count: counts.all },
    ...GRANT_STATUSES.map((status) => ({
      status,
      label: statusInfo(status).label,
      count: counts.byStatus[status] ?? 0,
    })),
  ];
  return (
    <nav aria-label="Status" className="mb-4 flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((tab) => {
        const active = filter.status === tab.status;
        return (
          <Link
            key={tab.label}
            href={`/grants${grantFilterQuery(withoutCursor(filter), { status: tab.status })}`}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
              focusRing,
              active
                ? "border-accent text-link"
                : "border-transparent text-muted hover:border-border-strong hover:text-fg",
            )}
          >
            {tab.label}
            <span
              className="rounded-full bg-neutral-soft px-2 py-0.5 text-xs text-neutral-text tabular-nums"
              title={
                isCapped(tab.count)
                  ? `More than ${COUNT_CAP.toLocaleString("en-US")}: counting stops there under filters`
                  : undefined
              }
            >
              {formatCount(tab.count)}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
