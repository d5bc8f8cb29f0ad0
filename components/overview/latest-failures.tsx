import { toGrantTableRow } from "@/components/grants/grant-rows";
import { GrantsTable } from "@/components/grants/grants-table";
import { TextLink } from "@/components/ui/text-link";
import type { listLatestFailures } from "@/lib/grants/queries/grant-stats";

type Failure = Awaited<ReturnType<typeof listLatestFailures>>[number];

export function LatestFailures({ failures, now }: { failures: Failure[]; now: Date }) {
  return (
    <section aria-labelledby="latest-failures" className="mt-8">
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id="latest-failures" className="text-lg font-semibold">
          Latest failures
        </h2>
        <TextLink href="/failures" className="text-sm">
          All failures by error code →
        </TextLink>
      </div>
      {failures.length === 0 ? (
        <p className="text-sm text-faint">No failed deliveries.</p>
      ) : (
        <GrantsTable rows={failures.map((row) => toGrantTableRow(row, now))} />
      )}
    </section>
  );
}
