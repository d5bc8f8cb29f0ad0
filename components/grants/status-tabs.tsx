import Link from "next/link";
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
    <nav
      aria-label="Status"
      className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
    >
      {tabs.map((tab) => {
        const active = filter.status === tab.status;
        return (
          <Link
            key={tab.label}
            href={`/grants${grantFilterQuery(withoutCursor(filter), { status: tab.status })}`}
            aria-current={active ? "page" : undefined}
            className={`-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-500 ${
              active
                ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
            }`}
          >
            {tab.label}
            <span
              className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 tabular-nums dark:bg-slate-800 dark:text-slate-300"
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
