import type { Metadata } from "next";
import Link from "next/link";
import { EventsFilterForm } from "@/components/events/events-filter-form";
import { EventsTable } from "@/components/events/events-table";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { IgnoredQueryNotice } from "@/components/ui/ignored-query-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { eventFacets, listEvents, readEventFilter } from "@/lib/webhooks/list-events";
import { reprocessAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePageViewer();
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
      <EventsFilterForm filter={filter} facets={facets} />
      {page.items.length === 0 ? (
        <EmptyState title="No deliveries match">
          Dodo&apos;s deliveries appear here as they arrive.
        </EmptyState>
      ) : (
        <EventsTable
          events={page.items}
          reprocessAction={can(viewer, "events:reprocess") ? reprocessAction : null}
        />
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-end">
        {page.nextCursor ? (
          <Link
            rel="next"
            href={`/events?${next.toString()}`}
            className={buttonVariants({ variant: "secondary" })}
          >
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
