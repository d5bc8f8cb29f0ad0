import { DataTable } from "@/components/ui/data-table";
import { Sparkline } from "@/components/ui/sparkline";
import { TCell, TRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { GrantGroup } from "@/lib/grants/queries/grant-groups";

export type GroupColumn = { header: string; render: (group: GrantGroup) => React.ReactNode };

/** What a group's key is: the list filter it opens (`/grants?status=…&param=key`), its label, and
 * what to call the group of grants that came without one. */
export type GroupKey = {
  status: "Failed" | "Revoked";
  param: "error" | "reason";
  label: (key: string) => string;
  missing: string;
};

function GroupLabel({ group, by }: { group: GrantGroup; by: GroupKey }) {
  if (!group.key) return by.missing;
  return (
    <>
      <span className="block">{by.label(group.key)}</span>
      <code className="font-mono text-xs font-normal text-faint">{group.key}</code>
    </>
  );
}

/** Last and first seen in one column: as two columns they pushed the examples past 1280 px. */
function SeenTimes({ group }: { group: GrantGroup }) {
  if (!group.lastSeen) return "—";
  return (
    <>
      <span className="block whitespace-nowrap">
        Last <TimeAgo date={group.lastSeen} />
      </span>
      {group.firstSeen ? (
        <span className="block text-xs whitespace-nowrap text-faint">
          First <TimeAgo date={group.firstSeen} />
        </span>
      ) : null}
    </>
  );
}

function listHref(group: GrantGroup, by: GroupKey): string {
  const status = `/grants?status=${by.status}`;
  return group.key ? `${status}&${by.param}=${encodeURIComponent(group.key)}` : status;
}

/** Failures by error code, revocations by reason: one table shape, each row opening the filtered list. */
export function GrantGroupTable({
  groups,
  days,
  by,
  extraColumns,
  sparkClass,
}: {
  groups: GrantGroup[];
  days: string[];
  by: GroupKey;
  extraColumns: GroupColumn[];
  sparkClass: string;
}) {
  const columns = [
    "Group",
    { label: "Grants", align: "right" as const },
    "Seen",
    "Last 30 days",
    ...extraColumns.map((column) => column.header),
    "Examples",
  ];
  return (
    <DataTable columns={columns} bodyClassName="align-top" headerCellClassName="px-3">
      {groups.map((group) => (
        <TRow key={group.key}>
          <TCell className="px-3 py-3">
            <TextLink href={listHref(group, by)} className="font-medium">
              <GroupLabel group={group} by={by} />
            </TextLink>
          </TCell>
          <TCell align="right" className="px-3 py-3 font-semibold">
            {group.count.toLocaleString("en-US")}
          </TCell>
          <TCell className="px-3 py-3 text-muted">
            <SeenTimes group={group} />
          </TCell>
          <TCell className="px-3 py-3">
            <Sparkline values={group.trend} days={days} label="Per day" className={sparkClass} />
          </TCell>
          {extraColumns.map((column) => (
            <TCell key={column.header} className="max-w-sm min-w-40 px-3 py-3">
              {column.render(group)}
            </TCell>
          ))}
          {/* Ids wrap, so the columns beside them still fit at 1280 px. */}
          <TCell className="max-w-36 px-3 py-3 font-mono text-xs break-all">
            <ul className="space-y-0.5">
              {group.examples.map((id) => (
                <li key={id}>
                  <TextLink href={`/grants/${encodeURIComponent(id)}`}>{id}</TextLink>
                </li>
              ))}
            </ul>
          </TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
