import type { Metadata } from "next";
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
import { TextLink } from "@/components/ui/text-link";
import { DodoActionsPanel } from "@/components/grants/panels/dodo-actions-panel";
import { requirePageViewer } from "@/lib/auth/guards";
import { can } from "@/lib/auth/viewer";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { recentActions } from "@/lib/dodo/grant-actions";
import { formatExact } from "@/lib/format";
import { getGrantWithDeliveries } from "@/lib/grants/queries/grant-detail";
import { readGrantId } from "@/lib/grants/grant-id";
import { listGrantEventBodies } from "@/lib/grants/queries/list-grant-event-bodies";
import { listOtherGrantsOfCustomer } from "@/lib/grants/queries/list-other-grants-of-customer";
import { statusInfo } from "@/lib/grants/labels/status";
import { decodeSegment } from "@/lib/search-params";
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
  const now = new Date();
  const showFailure =
    grant.status === "Failed" || grant.errorCode !== null || grant.errorMessage !== null;
  const showRevocation = grant.status === "Revoked" || grant.revocationReason !== null;
  const key = grant.licenseKey;
  const delivery = grant.digitalDelivery;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <TextLink href="/grants">← Grants</TextLink>
      </nav>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="font-mono text-xl break-all">{grant.id}</span>
            <StatusBadge status={grant.status} />
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-muted">
            <IntegrationLabel type={grant.integrationType} />
            {grant.integrationTypeInferred ? (
              <span title="Dodo did not send integration_type; inferred from the payload">
                (inferred)
              </span>
            ) : null}
            <span>·</span>
            <span>{statusInfo(grant.status).meaning}</span>
          </p>
        </div>
        <LiveGrant grantId={grant.id} deliveryCount={grant.deliveries.length} />
      </header>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          {showFailure ? (
            <FailurePanel errorCode={grant.errorCode} errorMessage={grant.errorMessage} />
          ) : null}
          {showRevocation ? (
            <RevocationPanel reason={grant.revocationReason} revokedAt={grant.revokedAt} />
          ) : null}
          {grant.oauthUrl ? (
            <OAuthPanel url={grant.oauthUrl} expiresAt={grant.oauthExpiresAt} now={now} />
          ) : null}
          {key ? (
            <LicenseKeyPanel
              grantId={grant.id}
              now={now}
              licenseKey={{
                last4: key.last4,
                status: key.status,
                activationsUsed: key.activationsUsed,
                activationsLimit: key.activationsLimit,
                expiresAt: key.expiresAt,
              }}
            />
          ) : null}
          {delivery ? (
            <DigitalFilesPanel
              files={delivery.files}
              instructions={delivery.instructions}
              externalUrl={delivery.externalUrl}
              deliveredAt={grant.deliveredAt}
              now={now}
            />
          ) : null}
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
          <Panel title="Lifecycle">
            <Facts
              items={[
                ["Created", formatExact(grant.createdAt)],
                ["Updated", formatExact(grant.updatedAt)],
                ["Delivered", grant.deliveredAt ? formatExact(grant.deliveredAt) : "—"],
                ["Revoked", grant.revokedAt ? formatExact(grant.revokedAt) : "—"],
                [
                  "Feature",
                  grant.feature ? (
                    <code key="f" className="font-mono text-xs">
                      {grant.feature.id} ({grant.feature.type ?? "?"})
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
          Other grants of {grant.customerId}
        </h2>
        {others.length === 0 ? (
          <p className="text-sm text-faint">None.</p>
        ) : (
          <GrantsTable rows={others.map((row) => toGrantTableRow(row, now))} />
        )}
      </section>
    </>
  );
}
