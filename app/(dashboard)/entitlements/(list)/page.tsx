import type { Metadata } from "next";
import { EntitlementsTable } from "@/components/entitlements/entitlements-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { listEntitlements } from "@/lib/entitlements/queries/list-entitlements";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Entitlements" };

export default async function EntitlementsPage() {
  const viewer = await requirePageViewer();
  const entitlements = await listEntitlements(viewer);
  return (
    <>
      <PageHeader
        title="Entitlements"
        description="Every entitlement in the synced catalog or named by a grant, with its grants by status. Open one for its failure rate, error codes, delivery time and waiting consents."
      />
      {entitlements.length === 0 ? (
        <EmptyState title="No entitlements yet">
          They appear here once Dodo reports a grant, or after a sync with an API key.
        </EmptyState>
      ) : (
        <EntitlementsTable entitlements={entitlements} />
      )}
    </>
  );
}
