import { IntegrationLabel } from "@/components/grants/integration-label";
import { LiveGrant } from "@/components/grants/live-grant";
import { StatusBadge } from "@/components/grants/status-badge";
import { TextLink } from "@/components/ui/text-link";
import type { GrantDetail } from "@/lib/grants/queries/grant-detail";
import { statusInfo } from "@/lib/grants/labels/status";

type HeaderGrant = Pick<
  GrantDetail,
  "id" | "status" | "integrationType" | "integrationTypeInferred" | "deliveries"
>;

/** The grant page's top: the way back, the id with its status, and the live-update notice. */
export function GrantHeader({ grant }: { grant: HeaderGrant }) {
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
    </>
  );
}
