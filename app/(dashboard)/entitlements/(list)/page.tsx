import type { Metadata } from "next";
import { EntitlementsTable } from "@/components/entitlements/entitlements-table";
import { EmptyState } from "@/components/ui/empty-state";
import { IgnoredQueryNotice } from "@/components/ui/ignored-query-notice";
import { Pager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { pageOf, readEntitlementsQuery } from "@/lib/entitlements/page-of";
import { listEntitlements } from "@/lib/entitlements/queries/list-entitlements";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Entitlements" };

const pageHref = (page: number) => (page === 1 ? "/entitlements" : `/entitlements?page=${page}`);

export default async function EntitlementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePageViewer();
  const { page, problems } = readEntitlementsQuery(await searchParams);
  const shown = pageOf(await listEntitlements(viewer), page);
  return (
    <>
      <PageHeader
        title="Entitlements"
        description="Every entitlement in the synced catalog or named by a grant, with its grants by status. Open one for its failure rate, error codes, delivery time and waiting consents."
      />
      <IgnoredQueryNotice problems={problems} startOver="/entitlements" />
      {shown.total === 0 ? (
        <EmptyState title="No entitlements yet">
          They appear here once Dodo reports a grant, or after a sync with an API key.
        </EmptyState>
      ) : (
        <>
          <EntitlementsTable entitlements={shown.rows} />
          {shown.pages > 1 ? (
            <Pager
              summary={`Showing ${shown.first}–${shown.first + shown.rows.length - 1} of ${shown.total.toLocaleString("en-US")} entitlements`}
              prevHref={shown.page > 1 ? pageHref(shown.page - 1) : null}
              nextHref={shown.page < shown.pages ? pageHref(shown.page + 1) : null}
            />
          ) : null}
        </>
      )}
    </>
  );
}
