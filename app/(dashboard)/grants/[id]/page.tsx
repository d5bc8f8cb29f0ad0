import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventTimeline } from "@/components/grants/event-timeline";
import { toGrantTableRow } from "@/components/grants/grant-rows";
import { GrantsTable } from "@/components/grants/grants-table";
import { IdsPanel } from "@/components/grants/ids-panel";
import { IntegrationLabel } from "@/components/grants/integration-label";
import { LiveGrant } from "@/components/grants/live-grant";
import { DigitalFilesPanel } from "@/components/grants/panels/digital-files-panel";
import { FailurePanel } from "@/components/grants/panels/failure-panel";
import { LicenseKeyPanel } from "@/components/grants/panels/license-key-panel";
import { MetadataPanel } from "@/components/grants/panels/metadata-panel";
import { OAuthPanel } from "@/components/grants/panels/oauth-panel";
import { RevocationPanel } from "@/components/grants/panels/revocation-panel";
import { RawEvents } from "@/components/grants/raw-events";
import { StatusBadge } from "@/components/grants/status-badge";
import { Facts, Panel } from "@/components/ui/panel";
import { DodoActionsPanel } from "@/components/grants/panels/dodo-actions-panel";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { recentActions } from "@/lib/dodo/grant-actions";
import { formatExact } from "@/lib/format";
import { getGrantWithEvents } from "@/lib/grants/grant-detail";
import { readGrantId } from "@/lib/grants/grant-id";
import { listGrantEventBodies, listOtherGrantsOfCustomer } from "@/lib/grants/grant-story";
import { statusInfo } from "@/lib/grants/status";
import { decodeSegment } from "@/lib/search-params";
import { fulfilLicenseKeyAction, refreshGrantAction, revokeGrantAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };
const toDate = (iso: string | null) => (iso ? new Date(iso) : null);

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
    getGrantWithEvents(viewer, id).then(async (grant) =>
      grant
        ? { grant, others: await listOtherGrantsOfCustomer(viewer, grant.customer_id, id) }
        : null,
    ),
    listGrantEventBodies(viewer, id),
    recentActions(viewer, id),
  ]);
  if (!found) notFound();
  const { grant, others } = found;
  const now = new Date();
  const showFailure =
    grant.status === "Failed" || grant.error_code !== null || grant.error_message !== null;
  const showRevocation = grant.status === "Revoked" || grant.revocation_reason !== null;
  const key = grant.license_key;
  const delivery = grant.digital_product_delivery;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/grants" className="text-indigo-700 hover:underline dark:text-indigo-300">
          ← Grants
        </Link>
      </nav>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="font-mono text-xl break-all">{grant.id}</span>
            <StatusBadge status={grant.status} />
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
            <IntegrationLabel type={grant.integration_type} />
            {grant.integration_type_inferred ? (
              <span title="Dodo did not send integration_type; inferred from the payload">
                (inferred)
              </span>
            ) : null}
            <span>·</span>
            <span>{statusInfo(grant.status).meaning}</span>
          </p>
        </div>
        <LiveGrant grantId={grant.id} eventCount={grant.events.length} />
      </header>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          {showFailure ? (
            <FailurePanel errorCode={grant.error_code} errorMessage={grant.error_message} />
          ) : null}
          {showRevocation ? (
            <RevocationPanel
              reason={grant.revocation_reason}
              revokedAt={toDate(grant.revoked_at)}
            />
          ) : null}
          {grant.oauth_url ? (
            <OAuthPanel
              url={grant.oauth_url}
              expiresAt={toDate(grant.oauth_expires_at)}
              now={now}
            />
          ) : null}
          {key ? (
            <LicenseKeyPanel
              grantId={grant.id}
              now={now}
              licenseKey={{
                last4: key.key_last4,
                status: key.status,
                activationsUsed: key.activations_used,
                activationsLimit: key.activations_limit,
                expiresAt: toDate(key.expires_at),
              }}
            />
          ) : null}
          {delivery ? (
            <DigitalFilesPanel
              files={delivery.files}
              instructions={delivery.instructions}
              externalUrl={delivery.external_url}
              deliveredAt={toDate(grant.delivered_at)}
              now={now}
            />
          ) : null}
          <EventTimeline events={grant.events} />
          <MetadataPanel metadata={grant.metadata} />
          <RawEvents events={bodies} />
        </div>
        <aside className="space-y-6">
          <DodoActionsPanel
            grant={{
              id: grant.id,
              customerId: grant.customer_id,
              status: grant.status,
              integrationType: grant.integration_type,
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
          <Panel title="Lifecycle">
            <Facts
              items={[
                ["Created", grant.created_at ? formatExact(new Date(grant.created_at)) : "—"],
                ["Updated", grant.updated_at ? formatExact(new Date(grant.updated_at)) : "—"],
                ["Delivered", grant.delivered_at ? formatExact(new Date(grant.delivered_at)) : "—"],
                ["Revoked", grant.revoked_at ? formatExact(new Date(grant.revoked_at)) : "—"],
                [
                  "Feature",
                  grant.feature ? (
                    <code key="f" className="font-mono text-xs">
                      {grant.feature.feature_id} ({grant.feature.feature_type ?? "?"})
                    </code>
                  ) : (
                    "—"
                  ),
                ],
              ]}
            />
          </Panel>
          <IdsPanel grant={grant} />
        </aside>
      </div>

      <section aria-labelledby="other-grants" className="mt-8">
        <h2 id="other-grants" className="mb-3 text-lg font-semibold">
          Other grants of {grant.customer_id}
        </h2>
        {others.length === 0 ? (
          <p className="text-sm text-slate-500">None.</p>
        ) : (
          <GrantsTable rows={others.map((row) => toGrantTableRow(row, now))} />
        )}
      </section>
    </>
  );
}
