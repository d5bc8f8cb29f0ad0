import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { EntitlementActivity } from "@/components/entitlements/entitlement-activity";
import { EntitlementSummaryPanel } from "@/components/entitlements/entitlement-summary-panel";
import { ActiveBadge } from "@/components/entitlements/entitlements-table";
import { IntegrationLabel } from "@/components/grants/integration-label";
import { RefreshFromDodo } from "@/components/ui/refresh-from-dodo";
import { RecordHeader } from "@/components/ui/record-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { getEntitlement } from "@/lib/entitlements/queries/get-entitlement";
import { readGrantId } from "@/lib/grants/grant-id";
import { decodeSegment } from "@/lib/search-params";
import { refreshEntitlementAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Entitlement ${decodeSegment((await params).id)}` };
}

export default async function EntitlementPage({ params }: Props) {
  const viewer = await requirePageViewer();
  // Ids are checked for form only, as grant ids are: an impossible one is simply not found.
  const read = readGrantId(decodeSegment((await params).id));
  if (!read.ok) notFound();
  // Before anything streams, so an unknown id answers 404; the slower windows stream after.
  const entitlement = await getEntitlement(viewer, read.id);
  if (!entitlement) notFound();
  return (
    <>
      <RecordHeader
        back={{ href: "/entitlements", label: "Entitlements" }}
        name={entitlement.name}
        id={entitlement.id}
        badge={<ActiveBadge isActive={entitlement.isActive} />}
        actions={
          can(viewer, "grants:refresh") ? (
            <RefreshFromDodo
              action={refreshEntitlementAction}
              name="entitlementId"
              value={entitlement.id}
              unavailable={dodoUnavailableReason()}
            />
          ) : null
        }
      >
        {entitlement.integrationType ? (
          <IntegrationLabel type={entitlement.integrationType} />
        ) : null}
      </RecordHeader>
      <div className="grid gap-6">
        <EntitlementSummaryPanel entitlement={entitlement} />
        <Suspense fallback={<ActivitySkeleton />}>
          <EntitlementActivity
            viewer={viewer}
            entitlementId={entitlement.id}
            integrationType={entitlement.integrationType}
          />
        </Suspense>
      </div>
    </>
  );
}

function ActivitySkeleton() {
  return (
    <div role="status" aria-live="polite" className="grid animate-pulse gap-6">
      <span className="sr-only">Loading the last 30 days…</span>
      <div className="h-48 rounded-lg bg-neutral-soft" />
      <div className="h-32 rounded-lg bg-neutral-soft" />
    </div>
  );
}
