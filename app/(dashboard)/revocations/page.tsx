import type { Metadata } from "next";
import { GrantGroupTable } from "@/components/grants/grant-group-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { groupRevocations } from "@/lib/grants/queries/grant-groups";
import { revocationReasonInfo } from "@/lib/grants/labels/revocation-reasons";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Revocations" };

export default async function RevocationsPage() {
  const viewer = await requirePageViewer();
  const { days, groups } = await groupRevocations(viewer);
  return (
    <>
      <PageHeader
        title="Revocations"
        description="Revoked grants grouped by reason, and whether access comes back without anyone acting."
      />
      {groups.length === 0 ? (
        <EmptyState title="No revoked grants" />
      ) : (
        <GrantGroupTable
          groups={groups}
          days={days}
          sparkClass="text-faint"
          by={{
            status: "Revoked",
            param: "reason",
            label: (key) => revocationReasonInfo(key).label,
            missing: "No reason sent",
          }}
          extraColumns={[
            {
              header: "Comes back by itself?",
              render: (g) => {
                const info = revocationReasonInfo(g.key);
                return (
                  <span className="flex flex-col items-start gap-1">
                    <Badge tone={info.comesBack ? "emerald" : "slate"}>
                      {info.comesBack ? "Yes" : "No"}
                    </Badge>
                    <span className="text-xs text-muted">{info.comesBackWhen}</span>
                  </span>
                );
              },
            },
            {
              header: "Meaning",
              render: (g) => (
                <p className="text-sm text-fg">{revocationReasonInfo(g.key).meaning}</p>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
