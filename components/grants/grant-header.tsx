import { IntegrationLabel } from "@/components/grants/integration-label";
import { LiveGrant } from "@/components/grants/live-grant";
import { StatusBadge } from "@/components/grants/status-badge";
import { RecordHeader } from "@/components/ui/record-header";
import type { GrantDetail } from "@/lib/grants/queries/grant-detail";
import { statusInfo } from "@/lib/grants/labels/status";

type HeaderGrant = Pick<
  GrantDetail,
  "id" | "status" | "integrationType" | "integrationTypeInferred" | "deliveries"
>;

/** The grant page's top: the way back, the id with its status, and the live-update notice. */
export function GrantHeader({ grant }: { grant: HeaderGrant }) {
  return (
    <RecordHeader
      back={{ href: "/grants", label: "Grants" }}
      id={grant.id}
      badge={<StatusBadge status={grant.status} />}
      actions={<LiveGrant grantId={grant.id} deliveryCount={grant.deliveries.length} />}
    >
      <IntegrationLabel type={grant.integrationType} />
      {grant.integrationTypeInferred ? (
        <span title="Dodo did not send integration_type; inferred from the payload">
          (inferred)
        </span>
      ) : null}
      <span>·</span>
      <span>{statusInfo(grant.status).meaning}</span>
    </RecordHeader>
  );
}
