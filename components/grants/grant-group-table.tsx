import Link from "next/link";
import { Sparkline } from "@/components/ui/sparkline";
import { TimeAgo } from "@/components/ui/time-ago";
import type { GrantGroup } from "@/lib/grants/queries/grant-groups";

export type GroupColumn = { header: string; render: (group: GrantGroup) => React.ReactNode };

/** Failures by error code, revocations by reason: one table shape, each row opening the filtered list. */
export function GrantGroupTable({
  groups,
  days,
  groupLabel,
  listHref,
  extraColumns,
  sparkClass,
}: {
  groups: GrantGroup[];
  days: string[];
  groupLabel: (group: GrantGroup) => React.ReactNode;
  listHref: (group: GrantGroup) => string;
  extraColumns: GroupColumn[];
  sparkClass: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-3">
              Group
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Grants
            </th>
            <th scope="col" className="px-4 py-3">
              First seen
            </th>
            <th scope="col" className="px-4 py-3">
              Last seen
            </th>
            <th scope="col" className="px-4 py-3">
              Last 30 days
            </th>
            {extraColumns.map((column) => (
              <th key={column.header} scope="col" className="px-4 py-3">
                {column.header}
              </th>
            ))}
            <th scope="col" className="px-4 py-3">
              Examples
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
          {groups.map((group) => (
            <tr key={group.key}>
              <td className="px-4 py-3">
                <Link
                  href={listHref(group)}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                >
                  {groupLabel(group)}
                </Link>
              </td>
              <td className="px-4 py-3 text-right font-semibold tabular-nums">
                {group.count.toLocaleString("en-US")}
              </td>
              <td className="px-4 py-3 text-slate-600 dark:text-slate-400">
                {group.firstSeen ? <TimeAgo date={group.firstSeen} /> : "—"}
              </td>
              <td className="px-4 py-3 text-slate-600 dark:text-slate-400">
                {group.lastSeen ? <TimeAgo date={group.lastSeen} /> : "—"}
              </td>
              <td className="px-4 py-3">
                <Sparkline
                  values={group.trend}
                  days={days}
                  label="Per day"
                  className={sparkClass}
                />
              </td>
              {extraColumns.map((column) => (
                <td key={column.header} className="max-w-md min-w-72 px-4 py-3">
                  {column.render(group)}
                </td>
              ))}
              <td className="px-4 py-3">
                <ul className="space-y-0.5">
                  {group.examples.map((id) => (
                    <li key={id}>
                      <Link
                        href={`/grants/${encodeURIComponent(id)}`}
                        className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                      >
                        {id}
                      </Link>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
