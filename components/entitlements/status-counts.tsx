import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { entitlementGrantsHref } from "@/components/entitlements/entitlement-links";
import { focusRing } from "@/components/ui/focus-ring";
import { cn } from "@/lib/cn";
import { GRANT_STATUSES, statusInfo } from "@/lib/grants/labels/status";

/** Known statuses in their usual order, then any status Dodo adds, as it came. */
function statusesOf(counts: Record<string, number>): string[] {
  const known: string[] = [...GRANT_STATUSES];
  const extra = Object.keys(counts)
    .filter((s) => !known.includes(s))
    .sort();
  return [...known, ...extra].filter((s) => (counts[s] ?? 0) > 0);
}

/** An entitlement's grants by status, each a link into the grants list on that tab. */
export function StatusCounts({
  entitlementId,
  counts,
}: {
  entitlementId: string;
  counts: Record<string, number>;
}) {
  const statuses = statusesOf(counts);
  if (statuses.length === 0) return <span className="text-sm text-faint">No grants yet</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Grants by status">
      {statuses.map((status) => (
        <li key={status}>
          <Link
            href={entitlementGrantsHref(entitlementId, status)}
            className={cn("rounded-full", focusRing)}
          >
            <Badge tone={statusInfo(status).tone} className="tabular-nums">
              {statusInfo(status).label} {counts[status]!.toLocaleString("en")}
            </Badge>
          </Link>
        </li>
      ))}
    </ul>
  );
}
