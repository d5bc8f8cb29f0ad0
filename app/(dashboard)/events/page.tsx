import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { ReprocessButton } from "@/components/events/reprocess-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { IgnoredQueryNotice } from "@/components/ui/ignored-query-notice";
import { SelectField, buttonClass } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { TimeAgo } from "@/components/ui/time-ago";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { eventFacets, listEvents, readEventFilter } from "@/lib/webhooks/list-events";
import { formatCount } from "@/lib/grants/count-cap";
import { OUTCOMES, outcomeInfo } from "@/lib/webhooks/outcomes";
import { reprocessAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePageViewer();
  const canReprocess = can(viewer, "events:reprocess");
  const { filter, problems } = readEventFilter(await searchParams);
  const [page, facets] = await Promise.all([listEvents(viewer, filter), eventFacets(viewer)]);
  const next = new URLSearchParams({
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(page.nextCursor ? { after: page.nextCursor } : {}),
  });
  return (
    <>
      <PageHeader
        title="Events"
        description="Every webhook delivery Dodo made, newest first, with what Grantdesk did with it. Invalid deliveries are kept and can be reprocessed."
      />
      <IgnoredQueryNotice problems={problems} startOver="/events" />
      <form
        method="get"
        action="/events"
        aria-label="Filter events"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <SelectField
          label="Type"
          name="type"
          value={filter.type}
          options={facets.types.map((t) => ({ value: t, label: t }))}
        />
        <SelectField
          label="Outcome"
          name="outcome"
          value={filter.outcome}
          options={Object.keys(OUTCOMES).map((o) => ({
            value: o,
            label: `${OUTCOMES[o]!.label} (${formatCount(facets.outcomes[o] ?? 0)})`,
          }))}
        />
        <button type="submit" className={buttonClass.primary}>
          Apply
        </button>
        <Link href="/events" className={buttonClass.secondary}>
          Clear
        </Link>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title="No deliveries match">
          Dodo&apos;s deliveries appear here as they arrive.
        </EmptyState>
      ) : (
        <DataTable columns={["Received", "Type", "Outcome", "Grant", "Webhook id"]}>
          {page.items.map((event) => {
            const outcome = outcomeInfo(event.outcome);
            return (
              <tr key={event.id}>
                <td className="px-4 py-2.5 text-slate-600 dark:text-slate-400">
                  <TimeAgo date={event.receivedAt} />
                </td>
                <td className="px-4 py-2.5 font-mono text-xs">
                  {event.type ?? <span className="text-slate-400">not JSON</span>}
                </td>
                <td className="px-4 py-2.5">
                  <Badge tone={outcome.tone} title={outcome.meaning}>
                    {outcome.label}
                  </Badge>
                  {event.outcome === "invalid" ? (
                    <div className="mt-2 max-w-xl space-y-2">
                      <p className="font-mono text-xs break-words text-rose-800 dark:text-rose-300">
                        {event.validationError}
                      </p>
                      {canReprocess ? (
                        <ReprocessButton webhookId={event.id} action={reprocessAction} />
                      ) : (
                        <p className="text-xs text-slate-500">An admin can reprocess it.</p>
                      )}
                    </div>
                  ) : null}
                </td>
                <td className="px-4 py-2.5 font-mono text-xs">
                  {event.grantId ? (
                    <Link
                      href={`/grants/${encodeURIComponent(event.grantId)}`}
                      className="text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {event.grantId}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-4 py-2.5 font-mono text-xs text-slate-500">{event.id}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-end">
        {page.nextCursor ? (
          <Link rel="next" href={`/events?${next.toString()}`} className={buttonClass.secondary}>
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
