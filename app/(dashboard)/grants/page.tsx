import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RecentGrantsTable } from "@/components/grants/recent-grants-table";
import { listRecentGrants } from "@/lib/grants/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Grants" };

export default async function GrantsPage() {
  const grants = await listRecentGrants(50);
  return (
    <>
      <PageHeader title="Grants" description="The 50 most recently updated grants. Filters, search and paging come next." />
      {grants.length === 0 ? <EmptyState title="No grants yet" /> : <RecentGrantsTable grants={grants} />}
    </>
  );
}
