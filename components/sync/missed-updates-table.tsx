import { StatusBadge } from "@/components/grants/status-badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TCell, TRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { TimeAgo } from "@/components/ui/time-ago";
import type { listMissedUpdates } from "@/lib/dodo/sync";

type MissedUpdate = Awaited<ReturnType<typeof listMissedUpdates>>[number];

/** Grants a sync had to correct: what was here before and what Dodo said. */
export function MissedUpdatesTable({ missed }: { missed: MissedUpdate[] }) {
  if (missed.length === 0)
    return (
      <EmptyState title="Nothing missed">
        Every grant Dodo listed matched what the webhooks had brought.
      </EmptyState>
    );
  return (
    <DataTable columns={["Grant", "Here before", "At Dodo", "Found"]} framed={false}>
      {missed.map((change) => (
        <TRow key={change.id} data-testid="missed-update">
          <TCell className="py-2 font-mono text-xs">
            <TextLink href={`/grants/${encodeURIComponent(change.grantId)}`}>
              {change.grantId}
            </TextLink>
          </TCell>
          <TCell className="py-2">
            {change.statusBefore ? (
              <StatusBadge status={change.statusBefore} />
            ) : (
              <span className="text-faint">not here at all</span>
            )}
          </TCell>
          <TCell className="py-2">
            <StatusBadge status={change.statusAfter} />
          </TCell>
          <TCell className="py-2 whitespace-nowrap">
            <TimeAgo date={change.at} />
          </TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
