import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerAccess } from "@/components/customers/customer-access";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { CustomerSubscriptions } from "@/components/customers/customer-subscriptions";
import { CustomerTimeline } from "@/components/customers/customer-timeline";
import { RefreshFromDodo } from "@/components/ui/refresh-from-dodo";
import { RecordHeader } from "@/components/ui/record-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { FORGOTTEN_SOURCE } from "@/lib/customers/forgotten";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { getCustomerPage } from "@/lib/customers/queries/customer-page";
import { readGrantId } from "@/lib/grants/grant-id";
import { decodeSegment } from "@/lib/search-params";
import { refreshCustomerAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// The title names the id, never the person: titles end up in browser history and screenshots.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Customer ${decodeSegment((await params).id)}` };
}

export default async function CustomerPage({ params }: Props) {
  const viewer = await requirePageViewer();
  // Dodo ids share one shape: what no grant id can be, no customer id can be either.
  const read = readGrantId(decodeSegment((await params).id));
  if (!read.ok) notFound();
  const page = await getCustomerPage(viewer, read.id);
  if (!page) notFound();
  const person = page.customer?.name ?? page.customer?.email ?? null;
  return (
    <>
      <RecordHeader
        back={{
          href: `/grants?customer=${encodeURIComponent(page.id)}`,
          label: "Grants of this customer",
        }}
        name={person}
        id={page.id}
        actions={
          // An erased customer is not fetched again: the button would bring nothing back.
          can(viewer, "grants:refresh") && page.customer?.source !== FORGOTTEN_SOURCE ? (
            <RefreshFromDodo
              action={refreshCustomerAction}
              name="customerId"
              value={page.id}
              unavailable={dodoUnavailableReason()}
            />
          ) : null
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <CustomerAccess page={page} />
          <CustomerSubscriptions page={page} />
          <CustomerTimeline page={page} />
        </div>
        <aside>
          <CustomerProfile page={page} />
        </aside>
      </div>
    </>
  );
}
