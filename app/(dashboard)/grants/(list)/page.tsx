import type { Metadata } from "next";
import { GrantFiltersForm } from "@/components/grants/grant-filters-form";
import { toGrantTableRow } from "@/components/grants/grant-rows";
import { GrantsTable } from "@/components/grants/grants-table";
import { LiveChanges } from "@/components/grants/live-changes";
import { NoGrantsFound } from "@/components/grants/no-grants-found";
import { Pagination } from "@/components/grants/pagination";
import { StatusTabs } from "@/components/grants/status-tabs";
import { IgnoredQueryNotice } from "@/components/ui/ignored-query-notice";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { listFilterOptions } from "@/lib/grants/queries/filter-options";
import {
  grantFilterQuery,
  readGrantFilter,
  sortOf,
  withoutCursor,
  type GrantFilter,
} from "@/lib/grants/grant-filters";
import { countGrantsByStatusFor, listGrants } from "@/lib/grants/queries/list-grants";
import { MAX_SEARCH_GRANTS, summarizeSearch } from "@/lib/grants/queries/grant-search";
import { CustomersNamed } from "@/components/customers/customers-named";
import { SearchTruncatedNotice } from "@/components/grants/search-truncated-notice";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Grants" };

/** The order in words: the sort can follow a date range, so the page says which applies. */
function orderInWords(filter: GrantFilter): string {
  const newest = filter.dir === "desc";
  return sortOf(filter) === "updated"
    ? `${newest ? "newest" : "oldest"} change first`
    : `${newest ? "newest" : "oldest"} created first`;
}

export default async function GrantsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const { filter, problems } = readGrantFilter(params);
  const openedAt = new Date();
  const [page, counts, options, search] = await Promise.all([
    listGrants(viewer, filter),
    countGrantsByStatusFor(viewer, filter),
    listFilterOptions(viewer),
    summarizeSearch(viewer, filter.q),
  ]);
  const query = grantFilterQuery(withoutCursor(filter));
  return (
    <>
      <PageHeader
        title="Grants"
        description={`Every entitlement grant Dodo reported, ${orderInWords(filter)}. Every filter is part of the address: copy it to share the view.`}
      >
        <a
          href={`/api/v1/grants/export${query}`}
          className={buttonVariants({ variant: "secondary" })}
          download
        >
          Export CSV
        </a>
      </PageHeader>
      <IgnoredQueryNotice problems={problems} startOver="/grants" />
      <StatusTabs filter={filter} counts={counts} />
      <GrantFiltersForm filter={filter} options={options} focusSearch={params.focus === "search"} />
      <CustomersNamed people={search.people} />
      <SearchTruncatedNotice truncated={search.truncated} limit={MAX_SEARCH_GRANTS} />
      <LiveChanges since={openedAt.toISOString()} query={query} />
      {page.items.length === 0 ? (
        <NoGrantsFound filter={filter} total={counts.all} />
      ) : (
        <GrantsTable rows={page.items.map((row) => toGrantTableRow(row, openedAt))} />
      )}
      <Pagination
        filter={filter}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        shown={page.items.length}
      />
    </>
  );
}
