import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventTimeline } from "@/components/grants/event-timeline";
import { GrantHeader } from "@/components/grants/grant-header";
import { GrantOutcomePanels } from "@/components/grants/grant-outcome-panels";
import { IdsPanel } from "@/components/grants/ids-panel";
import { CustomerPanel } from "@/components/customers/customer-panel";
import { OtherGrantsOfCustomer } from "@/components/grants/other-grants-of-customer";
import { DodoActionsPanel } from "@/components/grants/panels/dodo-actions-panel";
import { LifecyclePanel } from "@/components/grants/panels/lifecycle-panel";
import { MetadataPanel } from "@/components/grants/panels/metadata-panel";
import { RawEvents } from "@/components/grants/raw-events";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { recentActions } from "@/lib/dodo/grant-actions";
import { getGrantWithDeliveries } from "@/lib/grants/queries/grant-detail";
import { readGrantId } from "@/lib/grants/grant-id";
import { listGrantEventBodies } from "@/lib/grants/queries/list-grant-event-bodies";
import { listOtherGrantsOfCustomer } from "@/lib/grants/queries/list-other-grants-of-customer";
import { decodeSegment } from "@/lib/search-params";
import { revocationSubscription } from "@/lib/customers/queries/revocation-subscription";
import { fulfilLicenseKeyAction, refreshGrantAction, revokeGrantAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Grant ${decodeSegment((await params).id)}` };
}

export default async function GrantPage({ params }: Props) {
  const viewer = await requirePageViewer();
  const read = readGrantId(decodeSegment((await params).id));
  // An id no grant can have (control characters, absurd length) is simply not found.
  if (!read.ok) notFound();
  const { id } = read;
  // Only the customer's other grants wait for the grant; the rest need the id alone, so they run
  // beside it (one database round trip less on the page's path).
  const [found, bodies, actions] = await Promise.all([
    getGrantWithDeliveries(viewer, id).then(async (grant) =>
      grant
        ? { grant, others: await listOtherGrantsOfCustomer(viewer, grant.customerId, id) }
        : null,
    ),
    listGrantEventBodies(viewer, id),
    recentActions(viewer, id),
  ]);
  if (!found) notFound();
  const { grant, others } = found;
  const subscription = await revocationSubscription(viewer, grant);
  const now = new Date();

  return (
    <>
      <GrantHeader grant={grant} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <GrantOutcomePanels grant={grant} now={now} subscription={subscription} />
          <EventTimeline deliveries={grant.deliveries} />
          <MetadataPanel metadata={grant.metadata} />
          <RawEvents events={bodies} />
        </div>
        <aside className="space-y-6">
          <DodoActionsPanel
            grant={{
              id: grant.id,
              customerId: grant.customerId,
              status: grant.status,
              integrationType: grant.integrationType,
            }}
            can={{
              refresh: can(viewer, "grants:refresh"),
              revoke: can(viewer, "grants:revoke"),
              fulfil: can(viewer, "grants:fulfil"),
            }}
            actions={actions}
            unavailable={dodoUnavailableReason()}
            formActions={{
              refresh: refreshGrantAction,
              revoke: revokeGrantAction,
              fulfil: fulfilLicenseKeyAction,
            }}
          />
          <LifecyclePanel grant={grant} />
          <CustomerPanel {...grant} />
          <IdsPanel grant={grant} />
        </aside>
      </div>
      <OtherGrantsOfCustomer
        customer={grant.customerName ?? grant.customerEmail ?? grant.customerId}
        grants={others}
        now={now}
      />
    </>
  );
}
